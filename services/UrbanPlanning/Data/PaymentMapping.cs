namespace CityEServices.UrbanPlanning.Data;

internal static class PaymentMapping
{
    /// <summary>One order per request: assessing twice cannot leave two payable orders.</summary>
    public const string OrderRequestIndex = "ix_payment_orders_request";

    /// <summary>One payment per order: of two payments racing for one order, the database keeps one.</summary>
    public const string PaymentOrderIndex = "ix_payments_order";

    /// <summary>A bank's or terminal's reference pays once, city-wide, whichever channel brought it.</summary>
    public const string PaymentReferenceIndex = "ix_payments_reference";

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PaymentOrder>(order =>
        {
            order.ToTable("payment_orders", t => t.HasCheckConstraint("ck_payment_orders_amount", "amount_rial > 0"));
            order.HasKey(o => o.Id);
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.FileNumber).HasMaxLength(FileNumber.Length);
            order.Property(o => o.AmountRial).HasPrecision(20, 0);
            order.Property(o => o.Sheba).HasMaxLength(Sheba.Length);
            order.Property(o => o.CreatedBy).HasMaxLength(200);
            order.HasOne<ServiceRequest>().WithMany().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Restrict);
            order.HasIndex(o => o.RequestId).IsUnique().HasDatabaseName(OrderRequestIndex);
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payments", t => t.HasCheckConstraint("ck_payments_amount", "amount_rial > 0"));
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.Property(p => p.AmountRial).HasPrecision(20, 0);
            payment.Property(p => p.Reference).HasMaxLength(PaymentRules.MaxReferenceLength);
            payment.Property(p => p.Channel).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Payer).HasMaxLength(200);
            payment.Property(p => p.RecordedBy).HasMaxLength(200);
            payment.HasOne<PaymentOrder>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
            payment.HasIndex(p => p.OrderId).IsUnique().HasDatabaseName(PaymentOrderIndex);
            payment.HasIndex(p => p.Reference).IsUnique().HasDatabaseName(PaymentReferenceIndex);
            // Settlements: a channel's payments of one day, per payer.
            payment.HasIndex(p => new { p.Channel, p.RecordedAt, p.Payer }).HasDatabaseName("ix_payments_settlement");
        });
    }
}
