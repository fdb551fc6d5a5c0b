using CityEServices.Archive.Features;

namespace CityEServices.Archive;

public static class Extensions
{
    public const string DatabaseName = "archive-db";
    public const string ServiceName = "archive";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore<ArchiveDbContext>(DatabaseName, ServiceName, bus =>
        {
            bus.AddConsumer<UrbanPlanningFileOpenedConsumer>();
            bus.AddConsumer<UrbanPlanningFileHandedOverConsumer>();
            bus.AddConsumer<UrbanPlanningFileHoldersChangedConsumer>();
            // The Persian PDF of every issued document; the Latin records below only for issues without one.
            bus.AddConsumer<IssuedDocumentRenderedConsumer>();
            bus.AddConsumer<BuildingPermitIssuedConsumer>();
            bus.AddConsumer<ExcavationPermitIssuedConsumer>();
            bus.AddConsumer<WasteContractSignedConsumer>();
            bus.AddConsumer<CompletionCertificateIssuedConsumer>();
            // Every service's audit chain heads, kept as evidence against a rewritten history.
            bus.AddConsumer<AuditHeadPublishedConsumer>();
            // Office management's changes drop this replica's cached by-law answers at once.
            bus.AddOfficeAuthorizationInvalidation();
        });
        // The by-law check of every operator upload and read (office management's AuthorizeService).
        builder.AddOfficeAuthorizations();
        builder.AddGrpcServers();

        builder.Services.AddCheckedOptions<ArchiveStorageOptions>("Archive",
            o => !string.IsNullOrWhiteSpace(o.ContentRoot) && o.MaxDocumentBytes > 0,
            "Archive:ContentRoot is required and Archive:MaxDocumentBytes must be positive.");
        builder.Services.AddCheckedOptions<FixityOptions>(FixityOptions.SectionName,
            o => o.Interval >= TimeSpan.Zero && o.WorkerInterval >= TimeSpan.Zero,
            "Archive:Fixity:Interval and WorkerInterval cannot be negative (zero turns them off).")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Archive:Fixity:BatchSize must be from 1 to 10000.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Archive:Fixity:LeaseDuration must be at least a second.");
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddSingleton<UploadReader>();
        builder.Services.AddScoped<DocumentIngest>();
        builder.Services.AddScoped<OperatorByLaw>();
        builder.Services.AddScoped<DocumentReadAccess>();
        builder.Services.AddScoped<FixityRunner>();
        builder.Services.AddScoped<FixityRequests>();
        // Once across every replica: the schedule records a run, the worker hashes it batch by batch.
        builder.Services.AddPeriodicJob<ScheduledFixity, ArchiveDbContext>();
        builder.Services.AddPeriodicJob<FixityWorker, ArchiveDbContext>();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);

        // Its own copy of every service's heads, read from its own table rather than over gRPC to itself.
        builder.Services.AddScoped<IArchivedHeads, Features.Audit.LocalArchivedHeads>();
        // The hash-chained audit tables: heads published hourly to the archive, /audit/verify compares with its copy.
        builder.AddAuditChain<ArchiveDbContext>(ServiceName, ArchiveDbContext.ContentReadsTable, ArchiveDbContext.DisposalsTable, ArchiveDbContext.AuditHeadsTable);

        return builder;
    }
}
