namespace CityEServices.UrbanPlanning.Consumers;

/// <summary>
/// The property changed hands: its file now belongs to the owners after the transfer (people; an
/// organisation does not sign in or track), recorded in the file's timeline. The citizen's cached
/// tracking answer is dropped after the commit, so the seller stops seeing the file at once and the
/// buyer starts.
/// </summary>
public sealed class OwnershipTransferredConsumer(
    UrbanPlanningDbContext db,
    TrackingCache tracking,
    ILogger<OwnershipTransferredConsumer> logger,
    TimeProvider time) : InboxConsumer<UrbanPlanningDbContext, OwnershipTransferred>(db, logger)
{
    public const string Actor = "system:urbanplanning";

    private string? _trackingCode;

    protected override async Task HandleAsync(OwnershipTransferred message, ConsumeContext<OwnershipTransferred> context, CancellationToken cancellationToken)
    {
        _trackingCode = null;
        if (message.OwnersAfter is not { } owners || !RenovationCode.TryParse(message.RenovationCode, out var code, out _))
        {
            return;
        }

        var file = await Db.Files.SingleOrDefaultAsync(f => f.RenovationCode == code.Value, cancellationToken);
        if (file is null)
        {
            return;
        }

        var people = owners.Select(o => o.PartyId).Where(id => NationalId.TryParse(id, out _));
        var now = time.GetUtcNow();
        if (file.ChangeHolders(people, Actor, now) is { } change)
        {
            Db.FileChanges.Add(change);
            // The archive lets holders upload to the file as citizens.
            Db.PublishOnCommit(new UrbanPlanningFileHoldersChanged(file.FileNumber, file.RenovationCode, [.. file.HolderNationalIds])
            {
                OccurredAt = now,
                CorrelationId = message.CorrelationId,
            });
            _trackingCode = file.TrackingCode;
        }
    }

    protected override async Task AfterCommitAsync(OwnershipTransferred message, CancellationToken cancellationToken)
    {
        if (_trackingCode is { } trackingCode)
        {
            await tracking.InvalidateAsync(trackingCode);
        }
    }
}
