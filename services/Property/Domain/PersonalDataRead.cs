namespace CityEServices.Property.Domain;

/// <summary>What a <see cref="PersonalDataRead"/> read.</summary>
public enum PersonalDataReadKind
{
    /// <summary>A property with its owners' national IDs (current, or as of an instant).</summary>
    Property,

    /// <summary>A property's history, with the owners after each change.</summary>
    History,

    /// <summary>A search of the registry (its filters are kept in <see cref="PersonalDataRead.Query"/>).</summary>
    Search,

    /// <summary>Whether a named person or organisation owns a share of a property.</summary>
    OwnershipCheck,
}

/// <summary>
/// One read of citizens' data in the registry: who (an actor id, never a display name), when, what, and
/// of which property. Appended before the answer is sent and never edited: no audit row, no data.
/// </summary>
public sealed class PersonalDataRead
{
    public long Id { get; init; }

    /// <summary>The reader's actor id: <c>user:…</c> or <c>client:…</c>.</summary>
    public required string Actor { get; init; }

    public DateTimeOffset ReadAt { get; init; }

    public PersonalDataReadKind Kind { get; init; }

    /// <summary>The property read; null for a search.</summary>
    public string? RenovationCode { get; init; }

    /// <summary>For a search, the filters; for an ownership check, the party asked about; for an as-of read, the instant.</summary>
    public string? Query { get; init; }

    /// <summary>The request's correlation id, to find the same request in the logs and in other services.</summary>
    public string? CorrelationId { get; init; }
}
