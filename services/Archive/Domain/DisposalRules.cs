namespace CityEServices.Archive.Domain;

/// <summary>
/// Disposal (امحا): only after the category's retention period, never for permanent records, never
/// under an active legal hold, and only once: each of those refusals is a 409 whose reason says which
/// rule held. And two people, not one: whoever released the last hold covering a document may not be
/// the one who disposes of it (403 <see cref="SameActorReleasedHold"/>).
/// </summary>
public static class DisposalRules
{
    public const string RetentionNotElapsed = "RetentionNotElapsed";
    public const string PermanentRecord = "PermanentRecord";
    public const string UnderLegalHold = "UnderLegalHold";
    public const string AlreadyDisposed = "AlreadyDisposed";
    public const string SameActorReleasedHold = "SameActorReleasedHold";

    /// <summary>
    /// When <paramref name="document"/>'s retention ended, if <paramref name="actor"/> may dispose of it at
    /// <paramref name="now"/>; else the 409 (the document's state) or the 403 (the person).
    /// <paramref name="holds"/> are the holds, active or released, that might cover it.
    /// </summary>
    public static Outcome<DateTimeOffset> CanDispose(Document document, IEnumerable<LegalHold> holds, DateTimeOffset now, string actor)
    {
        var covering = holds.Where(h => h.Covers(document)).ToList();
        var allowed = CanDispose(document, covering, now);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        // The same request from a colleague would succeed, so this is about who asks (403), not about
        // the document's state (409). Only the last release counts: it is the one that made disposal possible.
        var lastRelease = covering.Where(h => !h.IsActive).MaxBy(h => h.ReleasedAt);
        return lastRelease is not null && string.Equals(lastRelease.ReleasedBy, actor, StringComparison.Ordinal)
            ? Problem.Forbidden(SameActorReleasedHold,
                $"{actor} released legal hold {lastRelease.Id} covering document {document.Id}; another archivist must dispose of it.")
                .With("holdId", lastRelease.Id)
            : allowed;
    }

    /// <summary>The document's state alone: retention, permanence, active holds, an earlier disposal (each a 409).</summary>
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
