using CityEServices.UrbanPlanning.Domain.Requests;

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
            breach.Property(b => b.RequestId).HasColumnName("request_id").ValueGeneratedNever();
            breach.Property(b => b.DueAt).HasColumnName("due_at");
            breach.Property(b => b.BreachedAt).HasColumnName("breached_at");
            breach.HasOne<ServiceRequest>().WithOne().HasForeignKey<SlaBreach>(b => b.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
