using CityEServices.Contracts.Security;
using CityEServices.Notifications.Infrastructure;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Notifications.Features.Sms;

/// <summary>
/// The Development SMS sink, mapped in Development only (elsewhere both routes are 404): the provider's
/// send call, which the adapter reaches when no real provider is configured, and the admins' view of
/// what it received.
/// </summary>
public static class SmsSinkApi
{
    public static IEndpointRouteBuilder MapSmsSinkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(SmsApi.Path, ListAsync).WithTags("SMS").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("ListSinkSms").WithSummary("Development only: the messages the local SMS sink received, newest first.");
        // The provider's own route shape; outside /api, so the gateway never exposes it. Its key is its credential.
        app.MapPost($"{SmsProviderAddress.SinkPath}/v1/{{apiKey}}/sms/send.json", SendAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<Page<SinkMessageResponse>>, ProblemHttpResult>> ListAsync(
        string? mobile, string? page, string? pageSize, ListSinkMessages listMessages, CancellationToken cancellationToken) =>
        (await listMessages.HandleAsync(mobile, page, pageSize, cancellationToken)).ToOk();

    public static async Task<JsonHttpResult<ProviderAnswer>> SendAsync(
        string apiKey, HttpRequest request, AcceptSinkMessage accept, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var answer = await accept.HandleAsync(apiKey, form, cancellationToken);
        return TypedResults.Json(answer, statusCode: answer.Return.Status);
    }
}
