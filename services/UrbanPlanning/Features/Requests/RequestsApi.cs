namespace CityEServices.UrbanPlanning.Features.Requests;

public static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/urban-planning").WithTags("Service requests");
        requests.MapPost("/files/{fileNumber}/requests", CreateAsync)
            .WithName("CreateServiceRequest")
            .WithSummary("Adds a service request to a file; it starts Submitted when the archive already holds every required document.");
        requests.MapPost("/requests/{requestId:guid}/actions", ActAsync)
            .WithName("ActOnServiceRequest")
            .WithSummary("review | return | reject | assessFee | pay (the counter's POS payment) | issue | submit, each only by its role, while the by-law lets them, and only from its state.");
        requests.MapGet("/requests/{requestId:guid}", GetAsync).WithName("GetServiceRequest").RequireScope(Scopes.UrbanPlanningRead);
        return app;
    }

    public static async Task<Results<Created<CreateRequestResponse>, ProblemHttpResult>> CreateAsync(
        string fileNumber, CreateRequestBody body, Caller caller, CreateRequest createRequest, CancellationToken cancellationToken) =>
        (await createRequest.HandleAsync(fileNumber, body, caller, cancellationToken))
            .ToCreated(created => $"/api/urban-planning/requests/{created.RequestId}");

    public static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> ActAsync(
        Guid requestId, RequestActionBody body, Caller caller, ActOnRequest actOnRequest, CancellationToken cancellationToken) =>
        (await actOnRequest.HandleAsync(requestId, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> GetAsync(
        Guid requestId, Caller caller, GetRequest getRequest, CancellationToken cancellationToken) =>
        (await getRequest.HandleAsync(requestId, caller, cancellationToken)).ToOk();
}
