using CityEServices.Iran;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CityEServices.ServiceDefaults.OpenApi;

/// <summary>
/// The Iranian value types go over the wire as strings in their canonical form (services/Iran). The
/// patterns describe what the services send back; input is more forgiving (Persian digits, hyphens,
/// 0912… mobiles) but the canonical form is always accepted, so a client may validate with it.
/// Request contracts that still carry these values as plain strings are matched by property name.
/// </summary>
internal static class IranianPatterns
{
    public const string NationalId = @"^\d{10}$";
    public const string PostalCode = @"^\d{10}$";
    public const string Mobile = @"^\+989\d{9}$";
    public const string OfficeCode = "^[A-Za-z0-9]{1,12}$";
    public const string RenovationCode = @"^\d{1,9}(-\d{1,9}){6}$";
    public const string LegalEntityId = @"^\d{11}$";
    public const string Sheba = @"^IR\d{24}$";

    private static readonly Dictionary<Type, string> ByType = new()
    {
        [typeof(NationalId)] = NationalId,
        [typeof(PostalCode)] = PostalCode,
        [typeof(MobileNumber)] = Mobile,
        [typeof(OfficeCode)] = OfficeCode,
        [typeof(RenovationCode)] = RenovationCode,
        [typeof(LegalEntityId)] = LegalEntityId,
        [typeof(Sheba)] = Sheba,
    };

    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nationalId"] = NationalId,
        ["applicantNationalId"] = NationalId,
        ["postalCode"] = PostalCode,
        ["applicantMobile"] = Mobile,
        ["officeCode"] = OfficeCode,
        ["renovationCode"] = RenovationCode,
    };

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (ByType.TryGetValue(type, out var pattern))
        {
            // The JSON converter writes a string, whatever shape the struct has.
            schema.Type = JsonSchemaType.String;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Pattern = pattern;
            return Task.CompletedTask;
        }

        var name = context.JsonPropertyInfo?.Name ?? context.ParameterDescription?.Name;
        if (type == typeof(string) && name is not null && ByName.TryGetValue(name, out pattern))
        {
            schema.Pattern = pattern;
        }

        return Task.CompletedTask;
    }
}
