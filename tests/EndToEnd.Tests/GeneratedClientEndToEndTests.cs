using CityEServices.Client;
using CityEServices.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Through the C# client Kiota generates from the checked-in contract (clients/CityClient), nothing
/// hand-written in between (issue 17): an operator opens a file, uploads a scanned document to it as
/// multipart, and reads back the record and the very bytes. A contract that misdescribes a route, a
/// schema or the upload fails here.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class GeneratedClientEndToEndTests(CityStackFixture stack)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_operator_opens_a_file_and_uploads_a_document_through_the_generated_client()
    {
        var problems = await ProblemRecorder.RunAsync(OpenAndUploadAsync);
        Assert.True(problems is null, problems);
    }

    private async Task OpenAndUploadAsync(ProblemRecorder problems)
    {
        var admin = await stack.Gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 9);
        using var http = new HttpClient(problems);
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new FixedToken(world.OperatorToken)), httpClient: http)
        {
            BaseUrl = stack.Gateway.BaseAddress!.ToString().TrimEnd('/'),
        };
        var city = new CityClient(adapter);

        var opened = await city.Api.UrbanPlanning.Files.PostAsync(new OpenFileRequest
        {
            RenovationCode = world.RenovationCode,
            ApplicantNationalId = world.ApplicantNationalId,
            OfficeCode = world.OfficeCode,
        });
        Assert.NotNull(opened);
        Assert.Matches(@"^09\d{9}$", opened.FileNumber!); // district 9, then the sequence
        Assert.False(string.IsNullOrEmpty(opened.TrackingCode));

        // The archive opens the file's dossier when it hears the file opened; until then an upload is 404 "(yet)".
        await Eventually.UntilAsync(async () =>
        {
            using var response = await stack.Gateway.GetAsync($"/api/archive/dossiers/{opened.FileNumber}", world.OperatorToken);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }, EventDeadline, "the archive's dossier of the newly opened file");

        var pdf = ArchiveUploads.Pdf("generated client");
        var form = new MultipartBody();
        form.AddOrReplacePart("category", "text/plain", "IDENTITY_DOCUMENT");
        form.AddOrReplacePart("title", "text/plain", "کارت ملی متقاضی");
        form.AddOrReplacePart("fileNumber", "text/plain", opened.FileNumber!);
        form.AddOrReplacePart("file", "application/pdf", new MemoryStream(pdf), "identity.pdf");
        var receipt = await city.Api.Archive.Documents.PostAsync(form);
        Assert.NotNull(receipt?.DocumentId);
        Assert.Equal(2, receipt.Pages);
        Assert.Equal(pdf.Length, receipt.SizeBytes);

        var document = await city.Api.Archive.Documents[receipt.DocumentId.Value].GetAsync();
        Assert.Equal(opened.FileNumber, document!.FileNumber);
        Assert.Equal("IDENTITY_DOCUMENT", document.Category);
        Assert.Equal("کارت ملی متقاضی", document.Title);
        await using var content = await city.Api.Archive.Documents[receipt.DocumentId.Value].Content.GetAsync();
        using var read = new MemoryStream();
        await content!.CopyToAsync(read);
        Assert.Equal(pdf, read.ToArray());
    }

    /// <summary>
    /// Kiota reports an answer the contract does not describe (a gateway 503, say) as a bare status code:
    /// keep the problem body so a failure says which reason the gateway or the service gave.
    /// </summary>
    private sealed class ProblemRecorder : DelegatingHandler
    {
        private string? _last;

        public static async Task<string?> RunAsync(Func<ProblemRecorder, Task> calls)
        {
            var recorder = new ProblemRecorder { InnerHandler = new HttpClientHandler() };
            try
            {
                await calls(recorder);
                return null;
            }
            catch (ApiException e)
            {
                return $"{e.ResponseStatusCode} {e.Message}\n{recorder._last}";
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 400)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                _last = $"{request.Method} {request.RequestUri?.AbsolutePath} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }

            return response;
        }
    }

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
