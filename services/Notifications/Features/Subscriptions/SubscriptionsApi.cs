using CityEServices.Contracts.Security;
using CityEServices.Web.Access;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Notifications.Features.Subscriptions;

public static class SubscriptionsApi
{
    public const string Path = "/api/webhooks/subscriptions";

    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup(Path).WithTags("Webhooks").RequireScope(Scopes.Webhooks);
        subscriptions.MapPost("/", CreateAsync).WithName("CreateSubscription")
            .WithSummary("Subscribes a URL to event types; the answer holds the signing secret, shown this once.");
        subscriptions.MapGet("/", ListAsync).WithName("ListSubscriptions").WithSummary("The client's subscriptions, newest first, paged.");
        subscriptions.MapGet("/{id}", GetAsync).WithName("GetSubscription").WithSummary("One of the client's subscriptions.");
        subscriptions.MapDelete("/{id}", DeleteAsync).WithName("DeleteSubscription")
            .WithSummary("Ends a subscription; what was still pending is cancelled.");
        subscriptions.MapPost("/{id}/secret", RotateSecretAsync).WithName("RotateSubscriptionSecret")
            .WithSummary("A new signing secret; the old one keeps signing beside it for the overlap (24 h).");
        subscriptions.MapGet("/{id}/deliveries", ListDeliveriesAsync).WithName("ListDeliveries")
            .WithSummary("What was sent: attempts, last status code, next attempt; ?status=Pending|Delivered|Failed|Cancelled.");
        subscriptions.MapPost("/{id}/replay", ReplayAsync).WithName("ReplayEvents")
            .WithSummary("Sends again every event of the subscription's types that happened in [from, to).");
        return subscriptions;
    }

    public static async Task<Results<Created<CreatedSubscriptionResponse>, ProblemHttpResult>> CreateAsync(
        CreateSubscriptionRequest body, Caller caller, CreateSubscription createSubscription, HttpResponse response, CancellationToken cancellationToken)
    {
        // The secret is in this answer only: no cache, shared or private, may keep it.
        response.Headers.CacheControl = "no-store";
        return (await createSubscription.HandleAsync(body, caller, cancellationToken)).ToCreated(s => $"{Path}/{s.Id}");
    }

    public static async Task<Results<Ok<Page<SubscriptionResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListSubscriptions listSubscriptions, CancellationToken cancellationToken) =>
        (await listSubscriptions.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetAsync(
        string id, Caller caller, GetSubscription getSubscription, CancellationToken cancellationToken) =>
        (await getSubscription.HandleAsync(id, caller, cancellationToken)).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, Caller caller, DeleteSubscription deleteSubscription, CancellationToken cancellationToken) =>
        (await deleteSubscription.HandleAsync(id, caller, cancellationToken)).ToNoContent();

    public static async Task<Results<Ok<RotatedSecretResponse>, ProblemHttpResult>> RotateSecretAsync(
        string id, Caller caller, RotateSecret rotateSecret, HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        return (await rotateSecret.HandleAsync(id, caller, cancellationToken)).ToOk();
    }

    public static async Task<Results<Ok<Page<DeliveryResponse>>, ProblemHttpResult>> ListDeliveriesAsync(
        string id, string? status, string? page, string? pageSize, Caller caller, ListDeliveries listDeliveries, CancellationToken cancellationToken) =>
        (await listDeliveries.HandleAsync(id, status, page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Accepted<ReplayResponse>, ProblemHttpResult>> ReplayAsync(
        string id, ReplayRequest body, Caller caller, ReplayEvents replayEvents, CancellationToken cancellationToken) =>
        (await replayEvents.HandleAsync(id, body, caller, cancellationToken)).ToAccepted(r => $"{Path}/{r.SubscriptionId}/deliveries");
}
