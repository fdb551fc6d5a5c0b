namespace CityEServices.OfficeManagement.Consumers;

/// <summary>Folds a request's move (returned, rejected, issued, SLA breached) into its office's scorecard.</summary>
public sealed class ServiceRequestStatusChangedConsumer(OfficeManagementDbContext db, ILogger<ServiceRequestStatusChangedConsumer> logger)
    : InboxConsumer<OfficeManagementDbContext, ServiceRequestStatusChanged>(db, logger)
{
    protected override async Task HandleAsync(ServiceRequestStatusChanged message, ConsumeContext<ServiceRequestStatusChanged> context, CancellationToken cancellationToken)
    {
        var record = await Db.LockRequestAsync(message.RequestId, message.OfficeCode, message.ServiceType, message.FileNumber, cancellationToken);
        record.Apply(message);
    }
}
