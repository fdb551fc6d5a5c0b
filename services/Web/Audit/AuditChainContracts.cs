namespace CityEServices.Web.Audit;

/// <summary>The answer of GET /audit/verify: the chain is intact (with its head) or the first entry that is not.</summary>
/// <param name="Trail">The audited table.</param>
/// <param name="Intact">True when every entry verifies and the chain still holds the archive's newest head of it.</param>
/// <param name="Entries">Entries in the trail.</param>
/// <param name="HeadSequence">The last entry's sequence number (null when empty).</param>
/// <param name="HeadHash">The last entry's SHA-256, lower-case hex (null when empty).</param>
/// <param name="FirstBroken">The first broken entry, or null.</param>
/// <param name="Trails">Every chained table of the service (the first is verified when none is named); added later, hence last.</param>
/// <param name="HeadCheck">The comparison with the archive's copy: matches, truncated, head_mismatch, not_archived (no head of
/// this trail reached the archive yet) or unavailable (the archive could not be asked); added later.</param>
/// <param name="ArchivedHead">The archive's newest head of this trail, when it holds one; added later.</param>
public sealed record AuditChainResponse(
    string Trail, bool Intact, long Entries, long? HeadSequence, string? HeadHash, BrokenEntryResponse? FirstBroken, IReadOnlyList<string> Trails,
    string HeadCheck, ArchivedHeadResponse? ArchivedHead);

/// <param name="Sequence">Its sequence number in the chain.</param>
/// <param name="Id">The row's id (null when the entry is missing).</param>
/// <param name="Reason">hash_mismatch (edited), link_broken (replaced or re-hashed), missing (deleted), truncated (the chain
/// ends before the archive's head) or head_mismatch (the entry at the archive's head is not the one the archive was told of).</param>
public sealed record BrokenEntryResponse(long Sequence, string? Id, string Reason);

/// <param name="Sequence">The head entry's sequence number.</param>
/// <param name="Hash">Its SHA-256 as published, lower-case hex.</param>
/// <param name="PublishedAt">When the service published it.</param>
public sealed record ArchivedHeadResponse(long Sequence, string Hash, DateTimeOffset PublishedAt);
