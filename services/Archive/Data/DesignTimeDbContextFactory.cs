namespace CityEServices.Archive.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<ArchiveDbContext>("archive", options => new(options));
