using CityEServices.Contracts.Events;

namespace CityEServices.Notifications.Domain.Events;

/// <summary>
/// What subscribers see of one integration event: its CloudEvents type
/// (<c>ir.tehran.city.&lt;service&gt;.&lt;event&gt;</c>), its source, the scope a client needs to subscribe
/// to it (null: no client may), its subject, and where its data holds personal identifiers.
/// </summary>
public sealed record EventDescriptor(
    Type EventType,
    string Service,
    string Name,
    string? RequiredScope,
    Func<IntegrationEvent, string> SubjectOf,
    IReadOnlyList<PersonalField> PersonalData)
{
    public const string TypePrefix = "ir.tehran.city.";

    /// <summary>The CloudEvents <c>type</c>, e.g. <c>ir.tehran.city.urban-planning.file-opened</c>.</summary>
    public string CloudEventType => $"{TypePrefix}{Service}.{Name}";

    /// <summary>The CloudEvents <c>source</c>: the service that published the event.</summary>
    public string Source => $"/cityeservices/{Service}";

    /// <summary>Whether any client can subscribe to it: only when some scope lets a client read the same facts through the API.</summary>
    public bool Offered => RequiredScope is not null;
}

/// <summary>A field of an event's data that holds a personal identifier, masked for subscribers without <c>pii.read</c>.</summary>
/// <param name="Path">camelCase JSON path in the data: <c>applicantNationalId</c>, or <c>owners[].partyId</c> for every element's field.</param>
public sealed record PersonalField(string Path, PersonalKind Kind);

public enum PersonalKind
{
    NationalId,
    Mobile,

    /// <summary>A party of the property registry: a person's national ID (masked) or an organisation's legal-entity ID (public, kept).</summary>
    Party,
}
