namespace CityEServices.OfficeManagement.Consumers;

/// <summary>Counts a new service request towards its office's scorecard.</summary>
public sealed class ServiceRequestSubmittedConsumer(OfficeManagementDbContext db, ILogger<ServiceRequestSubmittedConsumer> logger)
    : InboxConsumer<OfficeManagementDbContext, ServiceRequestSubmitted>(db, logger)
{
    protected override async Task HandleAsync(ServiceRequestSubmitted message, ConsumeContext<ServiceRequestSubmitted> context, CancellationToken cancellationToken)
    {
        var record = await Db.LockRequestAsync(message.RequestId, message.OfficeCode, message.ServiceType, message.FileNumber, cancellationToken);
        record.Apply(message);
    }
}
