namespace CityEServices.OfficeManagement.Data.SampleData;

/// <summary>
/// Development sample data: two offices in each of the 22 districts (a quarter still pilot, one
/// suspended, one closed), licensed for a rotating set of service types, each with a Manager and
/// operators at every stage of admission — certified, certification expired, exam only, exam failed
/// then retaken, interview failed, not started. Written once, in one transaction, in the background
/// after start-up; no events are published for it (it is not news, it is scenery).
/// </summary>
public sealed partial class SampleDataSeeder(
    IServiceScopeFactory scopes,
    IOptions<CertificationPolicy> policy,
    TimeProvider time,
    ILogger<SampleDataSeeder> logger) : BackgroundService
{
    /// <summary>Who the sample records say wrote them: the service itself, as every write not made by a caller.</summary>
    public static readonly string Actor = Caller.System(Extensions.ServiceName).Actor;

    private static readonly string[] Names =
    [
        "مریم احمدی", "علی رضایی", "سارا کریمی", "حسین محمدی", "زهرا حسینی", "رضا موسوی", "فاطمه جعفری",
        "محمد کاظمی", "نرگس صادقی", "امیر قاسمی", "لیلا رحیمی", "مهدی نوری",
    ];

    private static readonly string[][] ExtraLicences =
    [
        [ServiceTypes.ExcavationPermit, ServiceTypes.WasteContract],
        [ServiceTypes.EngineeringReport, ServiceTypes.SupervisingEngineer],
        [ServiceTypes.ArchitectureReview, ServiceTypes.CompletionCertificate],
        [ServiceTypes.NoViolationCertificate],
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OfficeManagementDbContext>();
            if (await db.Offices.AnyAsync(o => o.CreatedBy == Actor, stoppingToken))
            {
                return;
            }

            var (offices, staff, attempts, changes) = Build(time.GetUtcNow(), policy.Value.ExamPassMark);
            db.Offices.AddRange(offices);
            db.Staff.AddRange(staff);
            db.QualificationAttempts.AddRange(attempts);
            db.OfficeStatusChanges.AddRange(changes);
            await db.SaveChangesAsync(stoppingToken);
            LogSeeded(logger, offices.Count, staff.Count, attempts.Count);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException)
        {
            // Another replica seeded at the same moment, or the host is stopping: nothing to do.
            LogNotSeeded(logger, ex.GetType().Name);
        }
    }

    public static (List<Office> Offices, List<StaffMember> Staff, List<QualificationAttempt> Attempts, List<OfficeStatusChange> Changes) Build(
        DateTimeOffset now, decimal passMark)
    {
        var offices = new List<Office>();
        var staff = new List<StaffMember>();
        var attempts = new List<QualificationAttempt>();
        var changes = new List<OfficeStatusChange>();
        var opened = now.AddYears(-1);
        var person = 0;

        for (var district = 1; district <= 22; district++)
        {
            foreach (var letter in "AB")
            {
                var index = offices.Count;
                var code = OfficeCode.Parse($"S{district:00}{letter}");
                var status = index % 4 == 0 ? OfficeStatus.Pilot : OfficeStatus.Active;
                var office = Office.Open(code, $"دفتر خدمات الکترونیکی شهر منطقه {district} ({letter})", district, $"تهران، منطقه {district}، خیابان {Names[index % Names.Length].Split(' ')[1]}، پلاک {index + 1}", status, opened, Actor);
                foreach (var type in new[] { ServiceTypes.UrbanFile, ServiceTypes.BuildingPermit }.Concat(ExtraLicences[index % ExtraLicences.Length]))
                {
                    office.GrantLicence(type, opened, Actor);
                }

                if (index == 13 || index == 29)
                {
                    var to = index == 13 ? OfficeStatus.Suspended : OfficeStatus.Closed;
                    changes.Add(office.ChangeStatus(to, now.AddDays(-20), Actor, to == OfficeStatus.Suspended ? "بازرسی دوره‌ای" : "پایان قرارداد").Value!);
                }

                offices.Add(office);

                // Manager and one operator certified; then one operator per stage of admission.
                var stages = new[] { Stage.Certified, Stage.Certified, Stage.Expired, Stage.ExamOnly, Stage.RetakePassed, Stage.InterviewFailed, Stage.NotStarted };
                for (var i = 0; i < stages.Length; i++)
                {
                    var id = SampleNationalId(++person);
                    var role = i == 0 ? StaffRole.Manager : i == 2 ? StaffRole.TechnicalManager : StaffRole.Operator;
                    staff.Add(StaffMember.Join(id, Names[person % Names.Length], role, code, opened, Actor));
                    attempts.AddRange(Attempts(id, stages[i], now, passMark));
                }
            }
        }

        return (offices, staff, attempts, changes);
    }

    private enum Stage
    {
        Certified,
        Expired,
        ExamOnly,
        RetakePassed,
        InterviewFailed,
        NotStarted,
    }

    private static IEnumerable<QualificationAttempt> Attempts(NationalId id, Stage stage, DateTimeOffset now, decimal passMark)
    {
        const string type = ServiceTypes.BuildingPermit;
        var start = stage == Stage.Expired ? now.AddYears(-3) : now.AddDays(-90);
        QualificationAttempt Exam(decimal score, int day) => QualificationAttempt.Exam(id, type, score, passMark, start.AddDays(day), Actor);
        QualificationAttempt Step(QualificationKind kind, bool passed, int day) => QualificationAttempt.Assessed(id, type, kind, passed, null, start.AddDays(day), Actor);

        switch (stage)
        {
            case Stage.Certified or Stage.Expired:
                yield return Exam(88m, 0);
                yield return Step(QualificationKind.Interview, true, 7);
                yield return Step(QualificationKind.Training, true, 30);
                if (stage == Stage.Certified)
                {
                    yield return QualificationAttempt.Exam(id, ServiceTypes.UrbanFile, 91m, passMark, start.AddDays(1), Actor);
                    yield return QualificationAttempt.Assessed(id, ServiceTypes.UrbanFile, QualificationKind.Interview, true, null, start.AddDays(8), Actor);
                    yield return QualificationAttempt.Assessed(id, ServiceTypes.UrbanFile, QualificationKind.Training, true, null, start.AddDays(31), Actor);
                }

                break;
            case Stage.ExamOnly:
                yield return Exam(79m, 0);
                break;
            case Stage.RetakePassed:
                yield return Exam(52m, 0);
                yield return Exam(81m, 30);
                yield return Step(QualificationKind.Interview, true, 40);
                break;
            case Stage.InterviewFailed:
                yield return Exam(74m, 0);
                yield return Step(QualificationKind.Interview, false, 10);
                break;
        }
    }

    /// <summary>A valid national ID from a sequence number: nine digits from it, then the check digit.</summary>
    public static NationalId SampleNationalId(int n)
    {
        var digits = (900_000_000 + n * 7919 % 99_999_999).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var r = sum % 11;
        return NationalId.Parse(digits + (r < 2 ? r : 11 - r));
    }

    [LoggerMessage(LogLevel.Information, "Sample data written: {Offices} offices, {Staff} staff, {Attempts} qualification attempts")]
    private static partial void LogSeeded(ILogger logger, int offices, int staff, int attempts);

    [LoggerMessage(LogLevel.Information, "Sample data not written ({Reason})")]
    private static partial void LogNotSeeded(ILogger logger, string reason);
}
