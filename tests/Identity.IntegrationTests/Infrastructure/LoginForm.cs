using System.Text.RegularExpressions;
using System.Web;

namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>The hidden fields of the staff login page, read as a browser would, and the post it makes of them.</summary>
public sealed partial record LoginForm(string ReturnUrl, string AntiforgeryToken)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static LoginForm Parse(string html) =>
        new(Hidden(html, "returnUrl"), Hidden(html, AntiforgeryField));

    public FormUrlEncodedContent Post(string userName, string password, bool includeToken = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["username"] = userName,
            ["password"] = password,
            ["returnUrl"] = ReturnUrl,
        };
        if (includeToken)
        {
            fields[AntiforgeryField] = AntiforgeryToken;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static string Hidden(string html, string name) =>
        HttpUtility.HtmlDecode(HiddenInput().Matches(html).FirstOrDefault(m => HttpUtility.HtmlDecode(m.Groups[1].Value) == name)?.Groups[2].Value ?? "");

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
