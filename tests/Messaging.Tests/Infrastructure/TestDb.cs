using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>A service's own database in miniature: some state, the consumers' effects, and the messaging tables.</summary>
public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>(widget =>
        {
            widget.ToTable("widgets");
            widget.HasKey(w => w.Id);
            widget.Property(w => w.Name).HasMaxLength(100);
            // The unique name lets a test make SaveChanges fail after the outbox row was added.
            widget.HasIndex(w => w.Name).IsUnique();
        });

        modelBuilder.Entity<Effect>(effect =>
        {
            effect.ToTable("effects");
            effect.HasKey(e => e.Id);
            // Deliberately no unique key on EventId: only the inbox may stop a second application.
            effect.Property(e => e.Consumer).HasMaxLength(200);
        });

        modelBuilder.AddMessagingTables();
    }
}

public sealed class Widget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }
}

/// <summary>One application of an event by a consumer.</summary>
public sealed class Effect
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
