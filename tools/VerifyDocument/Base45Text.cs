namespace CityEServices.VerifyDocument;

/// <summary>RFC 9285 decoding.</summary>
public static class Base45Text
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static byte[]? Decode(string text)
    {
        if (text.Length % 3 == 1)
        {
            return null;
        }

        var bytes = new List<byte>(text.Length * 2 / 3);
        for (var i = 0; i < text.Length; i += 3)
        {
            var chunk = text.Substring(i, Math.Min(3, text.Length - i));
            var value = 0;
            for (var k = chunk.Length - 1; k >= 0; k--)
            {
                var digit = Alphabet.IndexOf(chunk[k], StringComparison.Ordinal);
                if (digit < 0)
                {
                    return null;
                }

                value = (value * 45) + digit;
            }

            if (chunk.Length == 3)
            {
                if (value > 0xFFFF)
                {
                    return null;
                }

                bytes.Add((byte)(value >> 8));
            }
            else if (value > 0xFF)
            {
                return null;
            }

            bytes.Add((byte)value);
        }

        return [.. bytes];
    }
}
