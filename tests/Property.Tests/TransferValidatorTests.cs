using CityEServices.Property.Features.Properties;
using CityEServices.Property.Domain;
using CityEServices.Web.Problems;

namespace CityEServices.Property.Tests;

public class TransferValidatorTests
{
    private const string Seller = "0076229645";
    private const string Buyer = "1583250689";

    [Fact]
    public void A_complete_transfer_is_read_exactly_with_Persian_digits()
    {
        var validated = TransferValidator.Validate(new TransferRequest("۰۰۷۶۲۲۹۶۴۵", new BuyerRequest(null, Buyer, "رضا كريمي"), "۱٫۵", " deed 7 "));

        var order = Assert.IsType<TransferOrder>(validated.Value);
        Assert.Equal((Seller, Buyer, "رضا کریمی", new Dang(3, 2), "deed 7"), (order.Seller.Id, order.Buyer.Id, order.BuyerFullName, order.Share, order.Note));
    }

    [Fact]
    public void An_organisation_buys_by_legal_entity_id_and_a_name_may_be_left_out()
    {
        var order = TransferValidator.Validate(new TransferRequest(Seller, new BuyerRequest("Organisation", null, null, "10380284790"), "6")).Value!;

        Assert.Equal((PartyType.Organisation, "10380284790", (string?)null), (order.Buyer.Type, order.Buyer.Id, order.BuyerFullName));
    }

    [Theory]
    [InlineData(null, Buyer, "1", "sellerNationalId")]
    [InlineData("0076229646", Buyer, "1", "sellerNationalId")]
    [InlineData(Seller, "123", "1", "buyer.nationalId")]
    [InlineData(Seller, Seller, "1", "buyer.nationalId")]
    [InlineData(Seller, Buyer, null, "shareDang")]
    [InlineData(Seller, Buyer, "0", "shareDang")]
    [InlineData(Seller, Buyer, "-1", "shareDang")]
    [InlineData(Seller, Buyer, "13/2", "shareDang")]
    [InlineData(Seller, Buyer, "1.5e0", "shareDang")]
    public void Each_bad_field_is_named(string? seller, string buyer, string? share, string field)
    {
        var validated = TransferValidator.Validate(new TransferRequest(seller, new BuyerRequest(null, buyer, "x"), share));

        Assert.Null(validated.Value);
        Assert.Equal([field], validated.Errors.Keys);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var validated = TransferValidator.Validate(new TransferRequest(null, null, null, new string('x', 501)));

        Assert.Equal(["buyer", "note", "sellerNationalId", "shareDang"], validated.Errors.Keys.Order());
    }
}
