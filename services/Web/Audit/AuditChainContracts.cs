namespace CityEServices.Web.Audit;

/// <summary>The answer of GET /audit/verify: the chain is intact (with its head) or the first entry that is not.</summary>
/// <param name="Trail">The audited table.</param>
/// <param name="Intact">True when every entry verifies.</param>
/// <param name="Entries">Entries in the trail.</param>
/// <param name="HeadSequence">The last entry's sequence number (null when empty).</param>
/// <param name="HeadHash">The last entry's SHA-256, lower-case hex (null when empty).</param>
/// <param name="FirstBroken">The first broken entry, or null.</param>
/// <param name="Trails">Every chained table of the service (the first is verified when none is named); added later, hence last.</param>
public sealed record AuditChainResponse(string Trail, bool Intact, long Entries, long? HeadSequence, string? HeadHash, BrokenEntryResponse? FirstBroken, IReadOnlyList<string> Trails);

/// <param name="Sequence">Its sequence number in the chain.</param>
/// <param name="Id">The row's id (null when the entry is missing).</param>
/// <param name="Reason">hash_mismatch (edited), link_broken (replaced or re-hashed) or missing (deleted).</param>
public sealed record BrokenEntryResponse(long Sequence, string? Id, string Reason);
