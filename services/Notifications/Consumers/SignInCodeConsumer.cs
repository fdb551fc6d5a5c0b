namespace CityEServices.Notifications.Consumers;

/// <summary>
/// Texts a citizen's sign-in code to the latest mobile a file opening gave for their national ID, inside
/// the inbox transaction (a redelivered event adds no second SMS). No mobile on file, or a code already
/// expired by the time it is heard: nothing is sent, and identity answered the citizen the same either way.
/// The opt-out list does not apply (see <see cref="SmsTemplates.SignInCode"/>), and the event goes to no
/// event log or webhook: the code is a secret.
/// </summary>
public sealed class SignInCodeConsumer(NotificationsDbContext db, TimeProvider time, ILogger<SignInCodeConsumer> logger)
    : InboxConsumer<NotificationsDbContext, CitizenSignInCodeIssued>(db, logger)
{
    protected override async Task HandleAsync(CitizenSignInCodeIssued message, ConsumeContext<CitizenSignInCodeIssued> context, CancellationToken cancellationToken)
    {
        var now = time.GetDatabaseNow();
        if (message.ExpiresAt <= now)
        {
            return;
        }

        var contact = await Db.FileContacts.AsNoTracking()
            .Where(c => c.ApplicantNationalId == message.NationalId && c.Mobile != null)
            .OrderByDescending(c => c.GivenAt).ThenByDescending(c => c.FileNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return;
        }

        Db.SmsMessages.Add(new SmsMessage
        {
            Id = Guid.CreateVersion7(now),
            EventId = message.EventId,
            Recipient = "citizen:" + message.NationalId,
            // The file whose opening gave the mobile: how staff trace why this number was texted.
            FileNumber = contact.FileNumber,
            Template = SmsTemplates.SignInCode,
            Mobile = contact.Mobile,
            Text = SmsTemplates.RenderSignInCode(message.Code),
            Status = SmsStatus.Pending,
            EventTime = message.OccurredAt,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
