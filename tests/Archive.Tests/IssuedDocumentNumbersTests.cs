using CityEServices.Archive.Domain;

namespace CityEServices.Archive.Tests;

/// <summary>Which issue numbers are document numbers (a rendered PDF follows) and which are the older per-file sequence.</summary>
public class IssuedDocumentNumbersTests
{
    [Theory]
    [InlineData("7K3M9QX24HTVR", true)]
    [InlineData("0000000000000", true)]
    [InlineData("BP-22001840320-01", false)]
    [InlineData("7K3M-9QX2-4HTV-R", false)] // the display form is not what events carry
    [InlineData("7K3M9QX24HTVU", false)] // U is not a Crockford symbol
    [InlineData("7k3m9qx24htvr", false)]
    [InlineData("7K3M9QX24HTV", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Tells_document_numbers_from_sequence_numbers(string? number, bool expected) =>
        Assert.Equal(expected, IssuedDocumentNumbers.IsWellFormed(number));
}
