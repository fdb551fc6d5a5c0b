namespace CityEServices.Messaging.Jobs;

/// <summary>
/// One periodic job's row in the service's database: when it is due next, and which replica holds it
/// now and until when. The schedule lives here, not in a pod's memory, so a job runs on time however
/// young the pods are, once per period however many there are, and a run a crashed pod left half done
/// is taken up by another once its lease has run out.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; init; }

    public DateTimeOffset NextRunAt { get; set; }

    public string? Holder { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? LastStartedAt { get; set; }

    public DateTimeOffset? LastFinishedAt { get; set; }

    public string? LastError { get; set; }

    public int Runs { get; set; }
}
