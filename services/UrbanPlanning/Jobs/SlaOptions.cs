namespace CityEServices.UrbanPlanning.Jobs;

/// <summary>UrbanPlanning:Sla: how often breaches are looked for.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "UrbanPlanning:Sla";

    /// <summary>Time between sweeps (UrbanPlanning:Sla:SweepInterval, a minute), once across every replica; zero turns the sweeper off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Breaches recorded per sweep at most (UrbanPlanning:Sla:BatchSize); the rest wait for the next sweep.</summary>
    public int BatchSize { get; set; } = 500;
}
