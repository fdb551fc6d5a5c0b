using CityEServices.Web.Paging;
using CityEServices.Web.Problems;

namespace CityEServices.Web.Tests;

public class PageRequestTests
{
    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData("3", "50", 3, 50)]
    [InlineData("۲", "۱۰۰", 2, 100)]
    public void Reads_page_and_size(string? page, string? size, int expectedPage, int expectedSize)
    {
        var errors = new ValidationErrors();

        var request = PageRequest.Read(page, size, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new PageRequest(expectedPage, expectedSize), request);
        Assert.Equal((expectedPage - 1) * expectedSize, request.Skip);
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("abc", null, "page")]
    [InlineData(null, "101", "pageSize")]
    [InlineData(null, "-5", "pageSize")]
    [InlineData(null, "1.5", "pageSize")]
    public void Refuses_what_is_not_a_page(string? page, string? size, string field)
    {
        var errors = new ValidationErrors();

        PageRequest.Read(page, size, errors);

        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_page_maps_its_items_and_keeps_its_place()
    {
        var page = new Page<int>([1, 2], 2, 2, 5);

        var mapped = page.Map(i => i.ToString());

        Assert.Equal(["1", "2"], mapped.Items);
        Assert.Equal((2, 2, 5), (mapped.PageNumber, mapped.PageSize, mapped.Total));
    }

    [Fact]
    public void A_page_is_written_as_items_page_pageSize_total()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Page<int>([7], 3, 10, 21), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.Equal("""{"items":[7],"page":3,"pageSize":10,"total":21}""", json);
    }
}
