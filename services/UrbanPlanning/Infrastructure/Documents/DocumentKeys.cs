namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// The service's document key ring, loaded once per process: the configured keys, or (when none can sign
/// and <see cref="DocumentOptions.GenerateKeyIfMissing"/> allows) a key generated at first start and kept
/// in the database, so every replica and every restart signs with the same one. Rotating is a new key in
/// configuration and a restart.
/// </summary>
public sealed class DocumentKeys(IServiceScopeFactory scopes, IOptions<DocumentOptions> options, TimeProvider time, ILogger<DocumentKeys> logger) : IDisposable
{
    /// <summary>The key id of the generated local key; fixed, so replicas starting together agree on one row.</summary>
    public const string LocalKeyId = "local-1";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DocumentKeyRing? _ring;

    public async Task<DocumentKeyRing> GetAsync(CancellationToken cancellationToken)
    {
        if (_ring is { } ring)
        {
            return ring;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _ring ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DocumentKeyRing> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (keys, active) = settings.ReadKeys();
        if (active is null)
        {
            if (!settings.GenerateKeyIfMissing)
            {
                keys.ForEach(k => k.Dispose());
                throw new InvalidOperationException("No document signing key is configured (Documents:Keys, Documents:ActiveKeyId) and Documents:GenerateKeyIfMissing is false.");
            }

            var stored = await LocalKeysAsync(cancellationToken);
            keys.AddRange(stored.Select(s => DocumentKey.FromPkcs8(s.KeyId, s.PrivateKeyPkcs8)));
            active = stored[^1].KeyId;
            logger.LogWarning("Documents are signed with the generated local key {KeyId} kept in the database; configure Documents:Keys for production.", active);
        }

        return new DocumentKeyRing(keys, active);
    }

    private async Task<List<DocumentSigningKey>> LocalKeysAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<UrbanPlanningDbContext>();
        var stored = await db.DocumentSigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            return stored;
        }

        using var generated = DocumentKey.Generate(LocalKeyId);
        var pkcs8 = generated.ExportPkcs8();
        // Another replica may be generating at the same moment: the first row wins and both read it.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO document_signing_keys (key_id, private_key_pkcs8, created_at) VALUES ({LocalKeyId}, {pkcs8}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await db.DocumentSigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    public void Dispose()
    {
        _ring?.Dispose();
        _gate.Dispose();
    }
}
