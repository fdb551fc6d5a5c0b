using CityEServices.Contracts.Security;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Notifications.Features.Sms;

public static class SmsApi
{
    public const string Path = "/api/notifications/sms";

    public static RouteGroupBuilder MapSmsApi(this IEndpointRouteBuilder app)
    {
        var sms = app.MapGroup(Path).WithTags("SMS").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        sms.MapPost("/opt-outs", OptOutAsync).WithName("OptOutSms")
            .WithSummary("Records that a mobile number wants no more messages (201; 200 with the first record when it already has).");
        sms.MapDelete("/opt-outs/{mobile}", CancelOptOutAsync).WithName("CancelSmsOptOut")
            .WithSummary("Messages to the number are sent again from now on.");
        sms.MapGet("/messages", ListMessagesAsync).WithName("ListSmsMessages")
            .WithSummary("Messages owed to citizens and what became of them; ?status=&mobile=&fileNumber=, paged.");
        return sms;
    }

    public static async Task<Results<Created<OptOutResponse>, Ok<OptOutResponse>, ProblemHttpResult>> OptOutAsync(
        OptOutRequest body, Caller caller, OptOutSms optOut, CancellationToken cancellationToken)
    {
        var outcome = await optOut.HandleAsync(body, caller, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!.ToResult();
        }

        var (recorded, created) = outcome.Value;
        return created ? TypedResults.Created($"{Path}/opt-outs/{Uri.EscapeDataString(recorded.Mobile)}", recorded) : TypedResults.Ok(recorded);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelOptOutAsync(
        string mobile, Caller caller, CancelOptOut cancelOptOut, CancellationToken cancellationToken) =>
        (await cancelOptOut.HandleAsync(mobile, caller, cancellationToken)).ToNoContent();

    public static async Task<Results<Ok<Page<SmsMessageResponse>>, ProblemHttpResult>> ListMessagesAsync(
        string? status, string? mobile, string? fileNumber, string? page, string? pageSize, Caller caller, ListSmsMessages listMessages, CancellationToken cancellationToken) =>
        (await listMessages.HandleAsync(status, mobile, fileNumber, page, pageSize, caller, cancellationToken)).ToOk();
}
