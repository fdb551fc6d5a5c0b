namespace CityEServices.Iran;

/// <summary>
/// How personal identifiers read for someone not entitled to them: enough to recognise one's own
/// (first and last two digits), not enough to identify anyone.
/// </summary>
public static class PersonalData
{
    /// <summary><c>0076229645</c> → <c>00******45</c>; any other length keeps only its last two characters.</summary>
    public static string? MaskNationalId(string? nationalId) => nationalId switch
    {
        null => null,
        { Length: NationalId.Length } id => string.Concat(id.AsSpan(0, 2), new string('*', NationalId.Length - 4), id.AsSpan(NationalId.Length - 2)),
        _ => MaskAllButLast(nationalId, 2),
    };

    /// <summary><c>+989121234567</c> → <c>+98912*****67</c>: the operator prefix and the last two digits.</summary>
    public static string? MaskMobile(string? mobile) => mobile switch
    {
        null => null,
        { Length: 13 } m when m.StartsWith("+98", StringComparison.Ordinal) => string.Concat(m.AsSpan(0, 6), "*****", m.AsSpan(11)),
        _ => MaskAllButLast(mobile, 2),
    };

    private static string MaskAllButLast(string value, int keep) =>
        value.Length <= keep ? new string('*', value.Length) : new string('*', value.Length - keep) + value[^keep..];
}
