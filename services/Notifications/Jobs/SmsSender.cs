namespace CityEServices.Notifications.Jobs;

/// <summary>
/// Sends the messages owed to citizens, on every replica: claims due ones (one recipient's in event
/// order), finds the applicant's number if the event did not carry it, skips numbers that opted out,
/// renders the Persian text and hands it to the provider. A failure is retried with the deliveries'
/// backoff for Notifications:RetryFor, then marked Failed; nothing is dropped.
/// </summary>
public sealed partial class SmsSender(
    IServiceScopeFactory scopes,
    SmsSignal signal,
    IOptions<SmsOptions> smsOptions,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<SmsSender> logger) : BackgroundService
{
    private readonly SmsOptions _sms = smsOptions.Value;
    private bool _warnedUnconfigured;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_sms.RunSender)
        {
            return;
        }

        await Task.Yield();
        await signal.RunPassesAsync(
            async ct => await SendDueAsync(ct) == _sms.MaxInFlight, _sms.PollInterval, e => LogPassFailed(logger, e), stoppingToken);
    }

    /// <summary>One pass: claims up to MaxInFlight due messages and sends them; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        IReadOnlyList<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<SmsQueue>().ClaimAsync(_sms.MaxInFlight, time.GetUtcNow(), _sms.LeaseDuration, token, cancellationToken);
        }

        await Task.WhenAll(ids.Select(id => SendAsync(id, token, cancellationToken)));
        return ids.Count;
    }

    private async Task SendAsync(Guid id, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var message = (await scope.ServiceProvider.GetRequiredService<SmsQueue>().LoadAsync([id], token, cancellationToken)).SingleOrDefault();
        if (message is null)
        {
            return;
        }

        try
        {
            await DecideAsync(message, db, scope.ServiceProvider.GetRequiredService<KavenegarSmsProvider>(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand it back untried.
        }
        catch (Exception e)
        {
            Failed(message, e.Message);
        }

        message.LeasedUntil = null;
        message.LeaseToken = null;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another replica has it now: its outcome stands.
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, e, id);
        }
    }

    private async Task DecideAsync(SmsMessage message, NotificationsDbContext db, KavenegarSmsProvider provider, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (message.Mobile is null)
        {
            var contact = await db.FileContacts.AsNoTracking().SingleOrDefaultAsync(c => c.FileNumber == message.FileNumber, cancellationToken);
            if (contact is null)
            {
                if (now - message.CreatedAt >= _sms.ContactWait)
                {
                    message.Status = SmsStatus.NoContact;
                    message.LastError = $"file {message.FileNumber}'s opening was not heard within {_sms.ContactWait}";
                }
                else
                {
                    // Events may arrive out of order: the opening may still come. Not an attempt.
                    message.NextAttemptAt = now + TimeSpan.FromTicks(Math.Min(_sms.ContactWait.Ticks / 10, TimeSpan.FromMinutes(1).Ticks)) + _sms.PollInterval;
                }

                return;
            }

            if (contact.Mobile is null)
            {
                message.Status = SmsStatus.NoMobile;
                return;
            }

            message.Mobile = contact.Mobile;
            message.TrackingCode ??= contact.TrackingCode;
        }

        // A sign-in code was asked for by the citizen themselves: the opt-out is from news about files, not from signing in.
        if (message.Template != SmsTemplates.SignInCode && await db.SmsOptOuts.AnyAsync(o => o.Mobile == message.Mobile, cancellationToken))
        {
            message.Status = SmsStatus.OptedOut;
            return;
        }

        message.Text ??= SmsTemplates.Render(message.Template, message.ServiceType, message.TrackingCode);
        var result = await provider.SendAsync(MobileNumber.Parse(message.Mobile), message.Text, message.Id, cancellationToken);
        switch (result)
        {
            case SmsSendResult.Sent sent:
                message.Status = SmsStatus.Sent;
                message.SentAt = now;
                message.ProviderMessageId = sent.MessageId;
                message.Attempts++;
                message.LastAttemptAt = now;
                message.LastError = null;
                break;
            case SmsSendResult.Refused refused:
                message.Attempts++;
                message.LastAttemptAt = now;
                message.Status = SmsStatus.Failed;
                message.LastError = Truncate(refused.Error);
                break;
            case SmsSendResult.Retry retry:
                Failed(message, retry.Error);
                break;
            case SmsSendResult.NotConfigured:
                if (!_warnedUnconfigured)
                {
                    _warnedUnconfigured = true;
                    LogUnconfigured(logger);
                }

                // Waits, unsent and not counted, until a provider is configured.
                message.NextAttemptAt = now + TimeSpan.FromMinutes(1);
                break;
        }
    }

    private void Failed(SmsMessage message, string error)
    {
        var now = time.GetUtcNow();
        message.Attempts++;
        message.LastAttemptAt = now;
        message.LastError = Truncate(error);
        var next = RetrySchedule.Next(message.Attempts, message.CreatedAt, now, options.Value.RetryPolicy, Random.Shared.NextDouble());
        if (next is { } due)
        {
            message.NextAttemptAt = due;
        }
        else
        {
            message.Status = SmsStatus.Failed;
            LogFailed(logger, message.Id, message.Attempts, error);
        }
    }

    private static string Truncate(string error) => error.Length > SmsMessage.MaxErrorLength ? error[..SmsMessage.MaxErrorLength] : error;

    [LoggerMessage(LogLevel.Warning, "SMS pass failed (database unreachable?); messages stay pending and are tried again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The outcome of SMS {MessageId} could not be recorded; it is tried again when its lease runs out")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, Guid messageId);

    [LoggerMessage(LogLevel.Warning, "SMS {MessageId} failed for good after {Attempts} attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, string error);

    [LoggerMessage(LogLevel.Warning, "No SMS provider is configured (Notifications:Sms:BaseUrl): messages to citizens wait, unsent, until one is")]
    private static partial void LogUnconfigured(ILogger logger);
}
