using CityEServices.Contracts.Events;
using CityEServices.Iran;
using CityEServices.Messaging.Inbox;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Events;

/// <summary>The actor recorded in the history for changes that come from urban planning's events.</summary>
internal static class EventActors
{
    public const string UrbanPlanning = "urban-planning";
}

/// <summary>Records an issued building permit as the property's permitted construction (and marks it under construction), once per message.</summary>
public sealed class BuildingPermitIssuedInbox(PropertyDbContext db, ILogger<BuildingPermitIssuedInbox> logger, TimeProvider time)
    : InboxConsumer<PropertyDbContext, BuildingPermitIssued>(db, logger)
{
    protected override async Task HandleAsync(BuildingPermitIssued message, ConsumeContext<BuildingPermitIssued> context, CancellationToken cancellationToken)
    {
        if (await ConstructionEvents.FindAsync(Db, message.RenovationCode, logger, cancellationToken) is not { } property)
        {
            return;
        }

        property.RecordPermit(
            new PermittedConstruction(message.PermitNumber, message.Floors, message.BuildingAreaM2, message.Usage, message.OccurredAt.ToUniversalTime()),
            time.GetDatabaseNow(),
            EventActors.UrbanPlanning);
    }
}

/// <summary>Records a completion certificate as the property's completed construction (no longer under construction), once per message.</summary>
public sealed class CompletionCertificateIssuedInbox(PropertyDbContext db, ILogger<CompletionCertificateIssuedInbox> logger, TimeProvider time)
    : InboxConsumer<PropertyDbContext, CompletionCertificateIssued>(db, logger)
{
    protected override async Task HandleAsync(CompletionCertificateIssued message, ConsumeContext<CompletionCertificateIssued> context, CancellationToken cancellationToken)
    {
        if (await ConstructionEvents.FindAsync(Db, message.RenovationCode, logger, cancellationToken) is not { } property)
        {
            return;
        }

        property.RecordCompletion(
            new CompletedConstruction(message.CertificateNumber, message.Floors, message.BuildingAreaM2, message.OccurredAt.ToUniversalTime()),
            time.GetDatabaseNow(),
            EventActors.UrbanPlanning);
    }
}

internal static partial class ConstructionEvents
{
    /// <summary>
    /// The property the event is about, tracked. Urban planning opens files only for registered
    /// properties, so an unknown code is a permanent mismatch: logged and acknowledged rather than
    /// retried into the error queue for ever.
    /// </summary>
    public static async Task<RealProperty?> FindAsync(PropertyDbContext db, string renovationCode, ILogger logger, CancellationToken cancellationToken)
    {
        var property = RenovationCode.TryParse(renovationCode, out var code)
            ? await db.Properties.FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken)
            : null;
        if (property is null)
        {
            LogUnknownProperty(logger, renovationCode);
        }

        return property;
    }

    [LoggerMessage(LogLevel.Warning, "Construction event for renovation code {RenovationCode}, which is not in the registry; ignored")]
    private static partial void LogUnknownProperty(ILogger logger, string renovationCode);
}
