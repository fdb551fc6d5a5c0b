namespace CityEServices.Notifications.Features.Sms;

/// <summary>The messages owed to citizens, newest first: sent, pending (with the next attempt), failed, opted out.</summary>
public sealed class ListSmsMessages(NotificationsDbContext db)
{
    public async Task<Outcome<Page<SmsMessageResponse>>> HandleAsync(
        string? status, string? mobile, string? fileNumber, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden("RoleNotAllowed", "Only an admin reads the messages sent to citizens.");
        }

        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        var query = db.SmsMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<SmsStatus>(status.Trim(), ignoreCase: true, out var wanted) && Enum.IsDefined(wanted) && !int.TryParse(status, out _))
            {
                query = query.Where(m => m.Status == wanted);
            }
            else
            {
                errors.Add("status", $"status must be one of {string.Join(", ", Enum.GetNames<SmsStatus>())}; got '{status}'.");
            }
        }

        if (!string.IsNullOrWhiteSpace(mobile))
        {
            if (MobileNumber.TryParse(mobile, out var number, out var error))
            {
                query = query.Where(m => m.Mobile == number.Value);
            }
            else
            {
                errors.Add("mobile", error);
            }
        }

        if (!string.IsNullOrWhiteSpace(fileNumber))
        {
            var file = PersianText.NormalizeDigits(fileNumber)!.Trim();
            query = query.Where(m => m.FileNumber == file);
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .ToPageAsync(request, m => new SmsMessageResponse(
                m.Id, m.EventId, m.FileNumber, m.Template, m.Mobile,
                // A sign-in code is the citizen's key: even an admin sees that one was sent, not what it said.
                m.Template == SmsTemplates.SignInCode ? null : m.Text, m.Status, m.Attempts, m.LastError,
                DualTime.From(m.CreatedAt),
                m.Status == SmsStatus.Pending ? DualTime.From(m.NextAttemptAt) : null,
                m.SentAt is { } sent ? DualTime.From(sent) : null,
                m.ProviderMessageId), cancellationToken);
    }
}
