namespace CityEServices.Archive.Jobs;

/// <summary>Archive:Fixity: when the whole store is re-hashed, and how the runs are worked through.</summary>
public sealed class FixityOptions
{
    public const string SectionName = "Archive:Fixity";

    /// <summary>
    /// How often the whole store is re-hashed (Archive:Fixity:Interval, a day), once across every
    /// replica, counted in the database whatever the pods' age; zero turns the schedule off (runs an
    /// archivist requests are still worked through).
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Distinct contents hashed per batch (Archive:Fixity:BatchSize). Each batch's findings and the
    /// run's progress commit together, so at most one batch is hashed again after a replica dies.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How often each replica looks for runs waiting to be worked on (Archive:Fixity:WorkerInterval), and
    /// so how soon a requested run starts and a dead replica's run is taken over once its lease has run
    /// out. Zero: this replica never works on fixity runs (another must).
    /// </summary>
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the worker's lease lasts without renewal (Archive:Fixity:LeaseDuration): how long a run whose replica died waits.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
}
