namespace CityEServices.UrbanPlanning.Domain.Supervision;

/// <summary>Stages a supervising engineer reports on, in the order construction reaches them.</summary>
public enum SupervisionStage
{
    Foundation,
    Skeleton,
    Finishing,
    Final,
}

/// <summary>Engineering-organisation grades (پایه): Senior above One above Two above Three.</summary>
public enum EngineerGrade
{
    Senior,
    One,
    Two,
    Three,
}

/// <summary>مهندس ناظر: a registered supervising engineer, who may supervise up to <see cref="Capacity"/> buildings at once.</summary>
public sealed class Engineer(string licenceNumber, string fullName, EngineerGrade grade, int capacity, DateTimeOffset registeredAt)
{
    public const int MaxCapacity = 50;

    public string LicenceNumber { get; private set; } = licenceNumber;

    public string FullName { get; private set; } = fullName;

    public EngineerGrade Grade { get; private set; } = grade;

    public int Capacity { get; private set; } = capacity;

    public DateTimeOffset RegisteredAt { get; private set; } = registeredAt;
}

/// <summary>An engineer supervising the building of one issued building permit, until the Final report.</summary>
public sealed class SupervisorAssignment(Guid id, string fileNumber, string permitNumber, string licenceNumber, DateTimeOffset assignedAt, string assignedBy)
{
    public Guid Id { get; private set; } = id;

    public string FileNumber { get; private set; } = fileNumber;

    public string PermitNumber { get; private set; } = permitNumber;

    public string LicenceNumber { get; private set; } = licenceNumber;

    public DateTimeOffset AssignedAt { get; private set; } = assignedAt;

    public string AssignedBy { get; private set; } = assignedBy;

    /// <summary>Set by the Final report: the engineer's capacity is free again.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(DateTimeOffset at) => CompletedAt = at;
}

public sealed class SupervisorReport(Guid id, Guid assignmentId, string fileNumber, string licenceNumber, SupervisionStage stage, Guid documentId, DateTimeOffset filedAt, string filedBy)
{
    public Guid Id { get; private set; } = id;

    public Guid AssignmentId { get; private set; } = assignmentId;

    public string FileNumber { get; private set; } = fileNumber;

    public string LicenceNumber { get; private set; } = licenceNumber;

    public SupervisionStage Stage { get; private set; } = stage;

    /// <summary>The archived report (a SUPERVISOR_REPORT document of this file or property).</summary>
    public Guid DocumentId { get; private set; } = documentId;

    public DateTimeOffset FiledAt { get; private set; } = filedAt;

    public string FiledBy { get; private set; } = filedBy;
}

/// <summary>A document the archive announced (DocumentArchived): what supervisor reports may cite.</summary>
public sealed class ArchivedDocument(Guid documentId, string category, string? fileNumber, string? renovationCode, DateTimeOffset archivedAt)
{
    public Guid DocumentId { get; private set; } = documentId;

    public string Category { get; private set; } = category;

    public string? FileNumber { get; private set; } = fileNumber;

    public string? RenovationCode { get; private set; } = renovationCode;

    public DateTimeOffset ArchivedAt { get; private set; } = archivedAt;
}

/// <summary>Pure supervision rules.</summary>
public static class SupervisionRules
{
    /// <summary>The stage that must come next after <paramref name="filed"/>; null when Final is in.</summary>
    public static SupervisionStage? NextStage(IEnumerable<SupervisionStage> filed)
    {
        var done = filed.ToHashSet();
        return Enum.GetValues<SupervisionStage>().Cast<SupervisionStage?>().FirstOrDefault(s => !done.Contains(s!.Value));
    }

    public static bool HasRoom(Engineer engineer, int activeAssignments) => activeAssignments < engineer.Capacity;
}
