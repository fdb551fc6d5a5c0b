namespace CityEServices.Stack;

/// <summary>
/// A client's handler that fails a request the stack answered with 500 by an exception carrying the
/// answer and the projects' last logged errors (<see cref="CityStack.LoggedFailuresAsync"/>): the answer
/// says nothing of the cause, by design, and a test that meets one (a defect whatever the test
/// asserts) should show the cause where it fails, not in a log that is gone with the stack.
/// </summary>
public sealed class ServerErrorsExplained(CityStack stack) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.InternalServerError)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var failures = await stack.LoggedFailuresAsync(cancellationToken);
            throw new HttpRequestException(
                $"{request.Method} {request.RequestUri?.PathAndQuery} answered 500: {body}{Environment.NewLine}"
                + (failures.Length == 0 ? "No project has logged an error." : $"What the projects have logged as errors:{Environment.NewLine}{failures}"),
                inner: null,
                response.StatusCode);
        }
    }
}
