using System.Text.Json;

namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>A new request that passed <see cref="NewRequestRules.Validate"/>: its file, the rules in force and its canonical details.</summary>
public sealed record ValidNewRequest(FileNumber FileNumber, ServiceRule Rule, RequestDetails Details);

/// <summary>
/// Shape checks of a new service request, done before anyone is asked anything. The rules are those in
/// force at <c>at</c>, the moment the request is made: a later tariff never reaches back.
/// </summary>
public static class NewRequestRules
{
    public static Validated<ValidNewRequest> Validate(ServiceRuleBook rules, DateTimeOffset at, string? fileNumber, string? serviceType, JsonElement? details)
    {
        var check = new ValidationErrors();
        var number = check.Parse<FileNumber>("fileNumber", fileNumber);
        var type = serviceType?.Trim().ToUpperInvariant();
        var rule = type is null ? null : rules.InForce(type, at);
        RequestDetails? canonical = null;
        if (rule is null)
        {
            check.Add("serviceType", $"Service type must be one of {string.Join(", ", rules.All.Select(r => r.ServiceType).Distinct())}.");
        }
        else
        {
            var checkedDetails = rule.ValidateDetails(details);
            check.AddAll(checkedDetails.Errors);
            canonical = checkedDetails.Value;
        }

        return check.Result(() => new ValidNewRequest(number, rule!, canonical!));
    }
}
