using CityEServices.Iran;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Tests;

public class TransferTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly Party Maryam = Party.Person(NationalId.Parse("0076229645"));
    private static readonly Party Reza = Party.Person(NationalId.Parse("1583250689"));
    private static readonly Party Company = Party.Organisation(LegalEntityId.Parse("10380284790"));

    private static RealProperty FourAndTwo() => RealProperty.Register(
        new PropertyRegistration(
            RenovationCode.Parse("6-12-104-7-0-0-0"), new RegistrationPlate(7, 45, 0), "تهران", PostalCode.Parse("1433654321"),
            100m, 0m, 0, PropertyUsage.Residential, Restrictions.None,
            [new NewOwner(Maryam, "مریم احمدی", Dang.FromWhole(4)), new NewOwner(Reza, "رضا کریمی", Dang.FromWhole(2))]),
        RegisteredAt,
        "user:registrar-1");

    private static Dictionary<string, Dang> Shares(IEnumerable<Ownership> owners) => owners.ToDictionary(o => o.PartyId, o => o.Share);

    [Fact]
    public void Part_of_a_share_to_a_new_owner_closes_the_sellers_holding_and_keeps_the_old_owners_readable()
    {
        var property = FourAndTwo();
        var at = RegisteredAt.AddHours(1);

        var result = property.Transfer(new TransferOrder(Maryam, Company, "شركت نمونه", Dang.FromWhole(1), "deed 12"), at, "user:registrar-2", out var refusal);

        Assert.Null(refusal);
        Assert.NotNull(result);
        Assert.Equal(at, result.At);
        Assert.Equal(Dang.FromWhole(3), result.SellerRemaining);
        Assert.Equal(
            new Dictionary<string, Dang> { [Maryam.Id] = Dang.FromWhole(3), [Reza.Id] = Dang.FromWhole(2), [Company.Id] = Dang.FromWhole(1) },
            Shares(property.CurrentOwners));
        Assert.Equal("شرکت نمونه", property.CurrentHoldingOf(Company)!.FullName);
        Assert.Equal(
            new Dictionary<string, Dang> { [Maryam.Id] = Dang.FromWhole(4), [Reza.Id] = Dang.FromWhole(2) },
            Shares(property.OwnersAsOf(at.AddTicks(-10))));
        Assert.Equal(Shares(property.CurrentOwners), Shares(property.OwnersAsOf(at)));
        Assert.Equal([HistoryKind.Registered, HistoryKind.Transferred], property.History.Select(h => h.Kind));
        Assert.Equal((Maryam.Id, Company.Id, (Dang?)Dang.FromWhole(1), "deed 12"), (result.Entry.FromPartyId, result.Entry.ToPartyId, result.Entry.Share, result.Entry.Note));
        Assert.Equal(["user:registrar-1", "user:registrar-2"], property.History.Select(h => h.Actor));
    }

    [Fact]
    public void All_of_a_share_to_an_existing_owner_merges_the_holdings_and_the_seller_leaves()
    {
        var property = FourAndTwo();

        var result = property.Transfer(new TransferOrder(Reza, Maryam, null, Dang.FromWhole(2), null), RegisteredAt.AddDays(1), "user:registrar-2", out _);

        Assert.NotNull(result);
        Assert.Equal(Dang.Zero, result.SellerRemaining);
        Assert.Equal(Dang.Six, result.BuyerHolds);
        var only = Assert.Single(property.CurrentOwners);
        Assert.Equal((Maryam.Id, "مریم احمدی", Dang.Six), (only.PartyId, only.FullName, only.Share));
        Assert.Equal(3, property.Owners.Count);
        Assert.Equal(2, property.Owners.Count(o => !o.IsCurrent));
    }

    [Fact]
    public void Fractions_of_a_dang_move_exactly()
    {
        var property = FourAndTwo();

        property.Transfer(new TransferOrder(Reza, Company, "شرکت", new Dang(1, 3), null), RegisteredAt.AddDays(1), "r", out _);
        property.Transfer(new TransferOrder(Reza, Company, null, new Dang(5, 3), null), RegisteredAt.AddDays(2), "r", out _);

        Assert.Equal(new Dictionary<string, Dang> { [Maryam.Id] = Dang.FromWhole(4), [Company.Id] = Dang.FromWhole(2) }, Shares(property.CurrentOwners));
    }

    [Fact]
    public void A_legal_hold_blocks_a_transfer_and_changes_nothing()
    {
        var property = FourAndTwo();
        Assert.Null(property.PlaceLegalHold("court order 5", RegisteredAt.AddHours(1), "user:registrar-1"));

        var result = property.Transfer(new TransferOrder(Maryam, Reza, null, Dang.FromWhole(1), null), RegisteredAt.AddHours(2), "user:registrar-1", out var refusal);

        Assert.Null(result);
        Assert.Equal(Refusal.LegalHold, refusal!.Reason);
        Assert.Equal(2, property.Owners.Count);
        Assert.Equal(2, property.History.Count);

        Assert.Equal(Refusal.AlreadyUnderLegalHold, property.PlaceLegalHold("again", RegisteredAt.AddHours(3), "r")!.Reason);
        Assert.Null(property.ClearLegalHold(null, RegisteredAt.AddHours(4), "r"));
        Assert.Equal(Refusal.NotUnderLegalHold, property.ClearLegalHold(null, RegisteredAt.AddHours(5), "r")!.Reason);
        Assert.NotNull(property.Transfer(new TransferOrder(Maryam, Reza, null, Dang.FromWhole(1), null), RegisteredAt.AddHours(6), "r", out _));

        Assert.False(property.RestrictionsAsOf(RegisteredAt)!.LegalHold);
        Assert.True(property.RestrictionsAsOf(RegisteredAt.AddHours(2))!.LegalHold);
        Assert.False(property.RestrictionsAsOf(RegisteredAt.AddHours(4))!.LegalHold);
        Assert.Null(property.RestrictionsAsOf(RegisteredAt.AddTicks(-10)));
    }

    [Fact]
    public void A_seller_must_hold_the_share()
    {
        var property = FourAndTwo();

        Assert.Null(property.Transfer(new TransferOrder(Company, Reza, null, Dang.FromWhole(1), null), RegisteredAt.AddHours(1), "r", out var notOwner));
        Assert.Equal(Refusal.SellerNotOwner, notOwner!.Reason);

        Assert.Null(property.Transfer(new TransferOrder(Reza, Maryam, null, new Dang(5, 2), null), RegisteredAt.AddHours(1), "r", out var tooMuch));
        Assert.Equal(Refusal.InsufficientShare, tooMuch!.Reason);
        Assert.Contains("2.5", tooMuch.Detail, StringComparison.Ordinal);
        Assert.Equal(2, property.Owners.Count);
    }

    [Fact]
    public void Changes_are_stamped_strictly_after_the_previous_one_even_when_the_clock_has_not_moved()
    {
        var property = FourAndTwo();

        var first = property.Transfer(new TransferOrder(Maryam, Reza, null, Dang.FromWhole(1), null), RegisteredAt, "r", out _)!;
        var second = property.Transfer(new TransferOrder(Maryam, Reza, null, Dang.FromWhole(1), null), RegisteredAt.AddSeconds(-5), "r", out _)!;

        Assert.True(first.At > RegisteredAt);
        Assert.True(second.At > first.At);
        Assert.Equal(Dang.FromWhole(3), property.OwnersAsOf(first.At).Single(o => o.PartyId == Maryam.Id).Share);
        Assert.Equal(Dang.FromWhole(2), property.OwnersAsOf(second.At).Single(o => o.PartyId == Maryam.Id).Share);
    }

    [Fact]
    public void A_permit_marks_the_property_under_construction_and_a_completion_clears_it_each_once()
    {
        var property = FourAndTwo();
        var permit = new PermittedConstruction("BP-1", 5, 900m, "Residential", RegisteredAt.AddDays(1));
        var completion = new CompletedConstruction("CC-1", 5, 880m, RegisteredAt.AddDays(300));

        Assert.True(property.RecordPermit(permit, RegisteredAt.AddDays(1), "urban-planning"));
        Assert.False(property.RecordPermit(permit, RegisteredAt.AddDays(2), "urban-planning"));
        Assert.True(property.Restrictions.UnderConstruction);
        Assert.True(property.RecordCompletion(completion, RegisteredAt.AddDays(300), "urban-planning"));
        Assert.False(property.RecordCompletion(completion, RegisteredAt.AddDays(301), "urban-planning"));

        Assert.False(property.Restrictions.UnderConstruction);
        Assert.Equal((permit, completion), (property.PermittedConstruction, property.CompletedConstruction));
        Assert.Equal([HistoryKind.Registered, HistoryKind.PermitRecorded, HistoryKind.CompletionRecorded], property.History.Select(h => h.Kind));
    }

    [Fact]
    public void A_permit_that_arrives_after_its_later_completion_does_not_reopen_construction()
    {
        var property = FourAndTwo();

        property.RecordCompletion(new CompletedConstruction("CC-1", 5, 880m, RegisteredAt.AddDays(300)), RegisteredAt.AddDays(300), "urban-planning");
        property.RecordPermit(new PermittedConstruction("BP-1", 5, 900m, "Residential", RegisteredAt.AddDays(1)), RegisteredAt.AddDays(301), "urban-planning");

        Assert.False(property.Restrictions.UnderConstruction);
        Assert.Equal("BP-1", property.PermittedConstruction!.PermitNumber);
    }
}
