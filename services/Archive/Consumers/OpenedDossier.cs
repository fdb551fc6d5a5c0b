namespace CityEServices.Archive.Consumers;

/// <summary>
/// The tracked dossier of a file for a consumer that changes it. Events about a file can overtake its
/// opening on the broker, so a missing dossier throws: MassTransit retries the message until the opening
/// has arrived, instead of dropping the change.
/// </summary>
internal static class OpenedDossier
{
    public static async Task<Dossier> RequireAsync(ArchiveDbContext db, string fileNumber, CancellationToken cancellationToken) =>
        await db.Dossiers.SingleOrDefaultAsync(d => d.FileNumber == fileNumber, cancellationToken)
            ?? throw new InvalidOperationException($"No dossier for file {fileNumber} yet: its opening has not arrived; retried.");
}
