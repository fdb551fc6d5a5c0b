using System.Globalization;
using System.Text;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// Embedding levels for one line of a right-to-left paragraph: 1 for right-to-left text, 2 for the
/// left-to-right islands in it (numbers, Latin, codes). HarfBuzz shapes but does not reorder, so this
/// decides which pieces run which way.
/// </summary>
/// <remarks>
/// A subset of the Unicode bidirectional algorithm (UAX #9) that is enough for what we print: the
/// paragraph is always RTL; rules W1, W4–W7, N1–N2, I1–I2 and L1, with Arabic-Indic numbers treated
/// like European ones, so "۶-۱۲-۱۰۴" and "۱۴۰۴/۰۹/۰۸" stay one number (full UAX #9 would split the first
/// at the hyphens after Persian text). A span can be forced left-to-right, as an LRI…PDI isolate would,
/// for values such as a masked national ID (<c>00******45</c>) whose neutral characters would
/// otherwise be scattered.
/// </remarks>
public static class BidiLevels
{
    public const byte Rtl = 1;
    public const byte Ltr = 2;

    private enum Kind : byte
    {
        R,
        L,
        Number,
        NumberSeparator,
        CommonSeparator,
        NumberTerminator,
        Mark,
        Whitespace,
        Other,
    }

    /// <summary>One level per UTF-16 code unit of <paramref name="text"/>.</summary>
    public static byte[] Resolve(string text, IReadOnlyList<bool>? forceLtr = null)
    {
        var kinds = new Kind[text.Length];
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            var kind = forceLtr is not null && forceLtr[i] ? Kind.L : Classify(rune);
            for (var k = 0; k < rune.Utf16SequenceLength; k++)
            {
                kinds[i + k] = kind;
            }

            i += rune.Utf16SequenceLength;
        }

        ResolveWeak(kinds);
        ResolveNeutrals(kinds);
        var levels = new byte[text.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            levels[i] = kinds[i] is Kind.L or Kind.Number ? Ltr : Rtl;
        }

        // L1: whitespace at the end of the line goes back to the paragraph level.
        for (var i = text.Length - 1; i >= 0 && char.IsWhiteSpace(text[i]) && (forceLtr is null || !forceLtr[i]); i--)
        {
            levels[i] = Rtl;
        }

        return levels;
    }

    private static Kind Classify(Rune rune)
    {
        var v = rune.Value;
        if (v is 0x200C or 0x200D)
        {
            return Kind.Mark; // ZWNJ/ZWJ belong to the word around them.
        }

        if (v is (>= '0' and <= '9') or (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9))
        {
            return Kind.Number;
        }

        if (v is '+' or '-')
        {
            return Kind.NumberSeparator;
        }

        if (v is ',' or '.' or ':' or '/' or 0x00A0 or 0x060C or 0x066B or 0x066C)
        {
            return Kind.CommonSeparator;
        }

        if (v is '#' or '$' or '%' or 0x00B0 or 0x066A)
        {
            return Kind.NumberTerminator;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return Kind.Mark;
        }

        if (v is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF))
        {
            return Kind.R;
        }

        if (Rune.IsLetter(rune))
        {
            return Kind.L;
        }

        return Rune.IsWhiteSpace(rune) ? Kind.Whitespace : Kind.Other;
    }

    private static void ResolveWeak(Kind[] kinds)
    {
        // W1: marks take the kind of what they follow (the paragraph's R at the start).
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == Kind.Mark)
            {
                kinds[i] = i == 0 ? Kind.R : kinds[i - 1];
            }
        }

        // W4: a single separator between two numbers joins them.
        for (var i = 1; i + 1 < kinds.Length; i++)
        {
            if (kinds[i] is Kind.NumberSeparator or Kind.CommonSeparator && kinds[i - 1] == Kind.Number && kinds[i + 1] == Kind.Number)
            {
                kinds[i] = Kind.Number;
            }
        }

        // W5: terminators next to a number are part of it.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.NumberTerminator)
            {
                continue;
            }

            var end = i;
            while (end < kinds.Length && kinds[end] == Kind.NumberTerminator)
            {
                end++;
            }

            var touchesNumber = (i > 0 && kinds[i - 1] == Kind.Number) || (end < kinds.Length && kinds[end] == Kind.Number);
            for (var k = i; k < end; k++)
            {
                kinds[k] = touchesNumber ? Kind.Number : Kind.Other;
            }

            i = end - 1;
        }

        // W6 and W7: leftover separators are neutral; numbers after Latin text are Latin.
        var lastStrong = Kind.R;
        for (var i = 0; i < kinds.Length; i++)
        {
            switch (kinds[i])
            {
                case Kind.NumberSeparator or Kind.CommonSeparator or Kind.NumberTerminator:
                    kinds[i] = Kind.Other;
                    break;
                case Kind.R or Kind.L:
                    lastStrong = kinds[i];
                    break;
                case Kind.Number when lastStrong == Kind.L:
                    kinds[i] = Kind.L;
                    break;
            }
        }
    }

    private static void ResolveNeutrals(Kind[] kinds)
    {
        // N1/N2: a run of neutrals between two left-to-right sides is left-to-right; anything else
        // (numbers count as right-to-left here, the line's ends are the paragraph's RTL) is RTL.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] is not (Kind.Whitespace or Kind.Other))
            {
                continue;
            }

            var end = i;
            while (end < kinds.Length && kinds[end] is Kind.Whitespace or Kind.Other)
            {
                end++;
            }

            var before = i == 0 ? Kind.R : kinds[i - 1];
            var after = end == kinds.Length ? Kind.R : kinds[end];
            var resolved = before == Kind.L && after == Kind.L ? Kind.L : Kind.R;
            for (var k = i; k < end; k++)
            {
                kinds[k] = resolved;
            }

            i = end - 1;
        }
    }
}
