namespace CityEServices.Property.Features.Properties;

/// <summary>
/// The one place the registry records reads of citizens' data: a row naming the reader's actor id,
/// written before the answer leaves (no audit row, no data). A client without <c>pii.read</c> sees
/// national IDs masked, so its reads of a property are not personal and are not recorded; an ownership
/// check names a person, so it is recorded whoever asks.
/// </summary>
public sealed class PersonalDataReads(PropertyDbContext db, TimeProvider time)
{
    /// <summary>Records the read when <paramref name="caller"/> sees national IDs unmasked.</summary>
    public Task RecordIfShownAsync(Caller caller, PersonalDataReadKind kind, string? renovationCode, string? query, CancellationToken cancellationToken) =>
        caller.MaySeePersonalData ? RecordAsync(caller, kind, renovationCode, query, cancellationToken) : Task.CompletedTask;

    public async Task RecordAsync(Caller caller, PersonalDataReadKind kind, string? renovationCode, string? query, CancellationToken cancellationToken)
    {
        db.PersonalDataReads.Add(new PersonalDataRead
        {
            Actor = caller.Actor,
            ReadAt = time.GetDatabaseNow(),
            Kind = kind,
            RenovationCode = renovationCode,
            Query = query is { Length: > 500 } ? query[..500] : query,
            CorrelationId = caller.CorrelationId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
