using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace CityEServices.Iran;

/// <summary>
/// Canonical form for Persian text and identifiers. The same function runs on write and on query,
/// so a name typed on an Arabic keyboard layout or with Persian digits still matches what is stored.
/// </summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>Tatweel (U+0640) is always removed: it only stretches a glyph and never changes a word.</item>
/// <item>Arabic diacritics (harakat U+064B–U+0652 and superscript alef U+0670) are removed by default:
/// Persian writing normally omits them, so «محمّد» and «محمد» must match. Maddah and hamza marks
/// (U+0653–U+0655) are kept because they change the letter (آ, أ, هٔ).</item>
/// <item>ZWNJ (U+200C) is kept: it is part of Persian spelling (می‌روم), not whitespace.</item>
/// <item>Whitespace of any kind (tab, newline, no-break space…) collapses to one ASCII space, so the
/// result is single-line text.</item>
/// </list>
/// Both methods return the very same instance when nothing changes, so normalising already
/// normalised data costs no allocation.
/// </remarks>
public static class PersianText
{
    public const char ZeroWidthNonJoiner = '\u200C';

    private const char PersianYeh = '\u06CC';
    private const char PersianKeheh = '\u06A9';
    private const char Tatweel = '\u0640';

    // Above this, a pooled array is cheaper than risking a deep stack.
    private const int StackLimit = 256;

    /// <summary>
    /// Maps Arabic ي/ى to ی and ك to ک, Persian and Arabic-Indic digits to ASCII, keeps ZWNJ, removes
    /// tatweel (and diacritics unless <paramref name="removeDiacritics"/> is false), trims and
    /// collapses whitespace runs to a single space.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Normalize(string? text, bool removeDiacritics = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        char[]? rented = null;
        var buffer = text.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    // Leading whitespace is dropped; inner runs become one space, written only
                    // when a non-space follows, which also trims the end.
                    pendingSpace = length > 0;
                    continue;
                }

                if (c == Tatweel || (removeDiacritics && IsRemovableDiacritic(c)))
                {
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = MapLetterOrDigit(c);
            }

            var result = buffer[..length];
            return result.SequenceEqual(text) ? text : new string(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// For identifiers: maps Persian and Arabic-Indic digits to ASCII and strips surrounding whitespace
    /// and invisible direction marks (which copying a number out of right-to-left text tends to add).
    /// Nothing else is touched, so a value that is wrong stays visibly wrong for the validator.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? NormalizeDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && IsTrimmable(span[start]))
        {
            start++;
        }

        var end = span.Length;
        while (end > start && IsTrimmable(span[end - 1]))
        {
            end--;
        }

        var core = span[start..end];
        if (core.IndexOfAnyInRange('\u0660', '\u0669') < 0 && core.IndexOfAnyInRange('\u06F0', '\u06F9') < 0)
        {
            return core.Length == text.Length ? text : core.ToString();
        }

        return string.Create(core.Length, (text, start), static (destination, state) =>
        {
            var source = state.text.AsSpan(state.start, destination.Length);
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = MapDigit(source[i]);
            }
        });
    }

    /// <summary>Maps a Persian (۰–۹) or Arabic-Indic (٠–٩) digit to ASCII; any other char is returned as is.</summary>
    public static char MapDigit(char c) => c switch
    {
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        _ => c,
    };

    private static char MapLetterOrDigit(char c) => c switch
    {
        '\u064A' or '\u0649' => PersianYeh,
        '\u0643' => PersianKeheh,
        _ => MapDigit(c),
    };

    private static bool IsRemovableDiacritic(char c) => c is (>= '\u064B' and <= '\u0652') or '\u0670';

    private static bool IsTrimmable(char c) =>
        char.IsWhiteSpace(c)
        || c is '\u200E' or '\u200F' or '\u061C' or '\uFEFF'
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
