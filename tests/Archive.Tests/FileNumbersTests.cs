using CityEServices.Archive.Domain;

namespace CityEServices.Archive.Tests;

public class FileNumbersTests
{
    [Theory]
    [InlineData("05000000001", "05000000001")]
    [InlineData("۲۲۰۰۱۸۴۰۳۲۰", "22001840320")]
    [InlineData("01000000000", "01000000000")]
    public void Well_formed_numbers_are_read_in_ascii_digits(string input, string expected)
    {
        Assert.Equal(expected, FileNumbers.Normalize(input));
    }

    [Theory]
    [InlineData("00000000001")]
    [InlineData("23000000001")]
    [InlineData("0500000001")]
    [InlineData("050000000012")]
    [InlineData("05-00000001")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_file_number(string? input)
    {
        Assert.Null(FileNumbers.Normalize(input));
    }

    [Fact]
    public void An_optional_field_left_out_is_no_error_and_a_bad_one_is_the_fields_error()
    {
        var errors = new ValidationErrors();

        Assert.Null(FileNumbers.ReadOptional("  ", "fileNumber", errors));
        Assert.True(errors.IsEmpty);
        Assert.Equal("12000000031", FileNumbers.ReadOptional("12000000031", "fileNumber", errors));
        Assert.Null(FileNumbers.ReadOptional("99", "fileNumber", errors));
        Assert.Equal([FileNumbers.Malformed], errors.ToDictionary()["fileNumber"]);
    }

    [Fact]
    public void The_district_is_the_first_two_digits()
    {
        Assert.Equal(22, FileNumbers.DistrictOf("22001840320"));
        Assert.Equal(5, FileNumbers.DistrictOf("05000000001"));
    }
}
