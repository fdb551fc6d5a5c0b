namespace CityEServices.UrbanPlanning.Data;

internal static class SlaBreachMapping
{
    public const string Table = "sla_breaches";
    public const string PrimaryKey = "pk_sla_breaches";

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SlaBreach>(breach =>
        {
            breach.ToTable(Table);
            // The key is the request: one breach, one event, however many sweepers.
            breach.HasKey(b => b.RequestId).HasName(PrimaryKey);
            breach.Property(b => b.RequestId).ValueGeneratedNever();
            breach.HasOne<ServiceRequest>().WithOne().HasForeignKey<SlaBreach>(b => b.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
