using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace CityEServices.Archive.Domain;

/// <summary>
/// The numbers of documents urban planning issues (a permit's شماره سند): 13 upper-case Crockford
/// base32 symbols in their canonical, stored form. Urban planning allocates and checks them; the archive
/// only tells them apart from the older per-file sequence numbers (<c>BP-22001840320-01</c>), which
/// mark an issue that came with no rendered document.
/// </summary>
public static class IssuedDocumentNumbers
{
    public const int Length = 13;

    private static readonly SearchValues<char> Symbols = SearchValues.Create("0123456789ABCDEFGHJKMNPQRSTVWXYZ");

    public static bool IsWellFormed([NotNullWhen(true)] string? number) =>
        number is { Length: Length } && !number.AsSpan().ContainsAnyExcept(Symbols);
}
