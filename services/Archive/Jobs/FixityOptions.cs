namespace CityEServices.Archive.Jobs;

/// <summary>Archive:Fixity: the schedule of the whole-store fixity check.</summary>
public sealed class FixityOptions
{
    public const string SectionName = "Archive:Fixity";

    /// <summary>How often the whole store is re-hashed (Archive:Fixity:Interval); zero turns the schedule off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
