using CityEServices.Iran;

namespace CityEServices.Archive.Domain;

/// <summary>
/// Disposal (امحا): only after the category's retention period, never for permanent records, never
/// under an active legal hold, and only once. Each refusal is a 409 whose reason says which rule held.
/// </summary>
public static class DisposalRules
{
    public const string RetentionNotElapsed = "RetentionNotElapsed";
    public const string PermanentRecord = "PermanentRecord";
    public const string UnderLegalHold = "UnderLegalHold";
    public const string AlreadyDisposed = "AlreadyDisposed";

    /// <summary>
    /// When <paramref name="document"/>'s retention ended, if it may be disposed of at <paramref name="now"/>;
    /// else the 409. <paramref name="holds"/> are the holds that might cover it (released ones are ignored).
    /// </summary>
    public static Outcome<DateTimeOffset> CanDispose(Document document, IEnumerable<LegalHold> holds, DateTimeOffset now)
    {
        if (document.IsDisposed)
        {
            return Problem.Conflict(AlreadyDisposed, "Already disposed.", $"Document {document.Id} was disposed of at {SolarHijri.Format(document.DisposedAt!.Value)}.");
        }

        // A category the scheme no longer knows is kept: disposal must never be the default.
        var rule = ClassificationScheme.Find(document.CategoryCode)?.Retention ?? RetentionRule.Forever;
        if (document.RetainedUntil(rule) is not { } until)
        {
            return Problem.Conflict(PermanentRecord, "Kept for ever.", $"{document.CategoryCode} records are permanent and are never disposed of.");
        }

        if (until > now)
        {
            return Problem.Conflict(RetentionNotElapsed, "Retention has not ended.", $"Document {document.Id} must be kept until {SolarHijri.Format(until)}.");
        }

        return holds.FirstOrDefault(h => h.IsActive && h.Covers(document)) is { } hold
            ? Problem.Conflict(UnderLegalHold, "Under legal hold.", $"Document {document.Id} is covered by legal hold {hold.Id}.")
            : until;
    }
}
