using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityEServices.Iran.Tests;

public class JsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public sealed record Applicant(
        NationalId NationalId,
        LegalEntityId Company,
        PostalCode PostalCode,
        MobileNumber Mobile,
        Sheba Sheba,
        NationalId? Guardian);

    public sealed record Address([property: JsonConverter(typeof(PersianTextJsonConverter))] string? Street);

    [Fact]
    public void Persian_digits_in_ascii_canonical_forms_out()
    {
        const string input = """
            {
              "nationalId": "۰۰۷۶۲۲۹۶۴۵",
              "company": "١٠٣٨٠٢٨٤٧٩٠",
              "postalCode": "۱۲۳۴۵-۶۷۸۹۰",
              "mobile": "۰۹۱۲ ۱۲۳ ۴۵۶۷",
              "sheba": "ir۸۲ ۰۵۴۰ ۱۰۲۶ ۸۰۰۲ ۰۸۱۷ ۹۰۹۰ ۰۲",
              "guardian": null
            }
            """;

        var applicant = JsonSerializer.Deserialize<Applicant>(input, Web);
        var output = JsonSerializer.Serialize(applicant, Web);

        Assert.Equal(
            """{"nationalId":"0076229645","company":"10380284790","postalCode":"1234567890","mobile":"+989121234567","sheba":"IR820540102680020817909002","guardian":null}""",
            output);
    }

    [Fact]
    public void Nullable_value_reads_a_string()
    {
        var applicant = JsonSerializer.Deserialize<Applicant>(
            """{"nationalId":"0076229645","company":"10380284790","postalCode":"1234567890","mobile":"09121234567","sheba":"IR820540102680020817909002","guardian":"۱۵۸۳۲۵۰۶۸۹"}""",
            Web);

        Assert.Equal(NationalId.Parse("1583250689"), applicant!.Guardian);
    }

    [Theory]
    [InlineData("\"0076229646\"", "check digit")]
    [InlineData("\"9999999999\"", "repeated")]
    [InlineData("\"123\"", "10 digits")]
    [InlineData("\"\"", "required")]
    [InlineData("null", "required")]
    [InlineData("76229645", "must be a JSON string")]
    [InlineData("true", "must be a JSON string")]
    public void Invalid_national_id_throws_json_exception_naming_the_problem(string json, string reason)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NationalId>(json));
        Assert.Contains(reason, exception.Message);
    }

    [Theory]
    [InlineData(typeof(LegalEntityId), "\"10380284791\"", "check digit")]
    [InlineData(typeof(PostalCode), "\"1234-567890\"", "only digits")]
    [InlineData(typeof(MobileNumber), "\"08121234567\"", "9 followed by nine digits")]
    [InlineData(typeof(Sheba), "\"IR820540102680020817909003\"", "check digits")]
    [InlineData(typeof(Sheba), "12", "must be a JSON string")]
    public void Invalid_values_of_every_type_throw_json_exception(Type type, string json, string reason)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type));
        Assert.Contains(reason, exception.Message);
    }

    [Fact]
    public void Invalid_nested_value_reports_its_path()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Applicant>(
            """{"nationalId":"0076229645","company":"10380284790","postalCode":"123","mobile":"09121234567","sheba":"IR820540102680020817909002"}""",
            Web));

        Assert.Contains("Postal code must be 10 digits", exception.Message);
        Assert.Equal("$.postalCode", exception.Path);
    }

    [Fact]
    public void Values_work_as_dictionary_keys()
    {
        var read = JsonSerializer.Deserialize<Dictionary<NationalId, int>>("""{"۰۰۷۶۲۲۹۶۴۵":1,"1583250689":2}""");

        Assert.Equal(1, read![NationalId.Parse("0076229645")]);
        Assert.Equal("""{"0076229645":1,"1583250689":2}""", JsonSerializer.Serialize(read));
    }

    [Fact]
    public void Invalid_dictionary_key_throws_json_exception() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<NationalId, int>>("""{"0076229646":1}"""));

    [Fact]
    public void Persian_text_converter_normalises_on_read()
    {
        var address = JsonSerializer.Deserialize<Address>("""{"Street":"  خيابان   ولي\u200Cعصر ۱۲ "}""");

        Assert.Equal("خیابان ولی\u200Cعصر 12", address!.Street);
    }

    [Fact]
    public void Persian_text_converter_keeps_null() =>
        Assert.Null(JsonSerializer.Deserialize<Address>("""{"Street":null}""")!.Street);

    [Fact]
    public void Persian_text_converter_rejects_non_strings() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Address>("""{"Street":12}"""));
}
