namespace CityEServices.Property.Consumers;

/// <summary>
/// Applies one of urban planning's construction events to the property it names, once per message (the
/// inbox). The registry records it as itself (<c>system:property</c>); the history entry's reference
/// names the permit or certificate it came from.
/// </summary>
public abstract partial class ConstructionInbox<TEvent>(PropertyDbContext db, ILogger logger, TimeProvider time)
    : InboxConsumer<PropertyDbContext, TEvent>(db, logger)
    where TEvent : IntegrationEvent
{
    // Kept here as well as in the base, which does not share it.
    private readonly ILogger _logger = logger;

    /// <summary>The renovation code the event is about, as sent.</summary>
    public abstract string RenovationCodeOf(TEvent message);

    protected abstract void Apply(RealProperty property, TEvent message, DateTimeOffset now, string actor);

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        // Urban planning opens files only for registered properties, so an unknown code is a permanent
        // mismatch: logged and acknowledged rather than retried into the error queue for ever.
        var renovationCode = RenovationCodeOf(message);
        var property = RenovationCode.TryParse(renovationCode, out var code)
            ? await Db.Properties.FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken)
            : null;
        if (property is null)
        {
            LogUnknownProperty(_logger, typeof(TEvent).Name, renovationCode);
            return;
        }

        Apply(property, message, time.GetDatabaseNow(), Caller.System(Extensions.ServiceName, message.CorrelationId).Actor);
    }

    [LoggerMessage(LogLevel.Warning, "{Event} for renovation code {RenovationCode}, which is not in the registry; ignored")]
    private static partial void LogUnknownProperty(ILogger logger, string @event, string renovationCode);
}
