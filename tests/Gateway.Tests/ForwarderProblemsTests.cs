using System.Net.Http;
using System.Net.Sockets;
using CityEServices.Gateway.Proxy;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway.Tests;

public class ForwarderProblemsTests
{
    [Fact]
    public void A_refused_connection_is_503()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(503, ForwarderProblems.Describe(ForwarderError.Request, refused)?.Status);
    }

    [Theory]
    [InlineData(ForwarderError.RequestTimedOut)]
    [InlineData(ForwarderError.NoAvailableDestinations)]
    public void A_slow_or_missing_destination_is_503(ForwarderError error)
    {
        Assert.Equal(503, ForwarderProblems.Describe(error, null)?.Status);
    }

    [Fact]
    public void A_malformed_reply_is_502()
    {
        var invalid = new HttpRequestException(HttpRequestError.InvalidResponse, "Received an invalid status line");

        Assert.Equal(502, ForwarderProblems.Describe(ForwarderError.Request, invalid)?.Status);
        Assert.Equal(502, ForwarderProblems.Describe(ForwarderError.ResponseHeaders, null)?.Status);
    }

    [Fact]
    public void A_body_over_the_limit_is_413_and_other_body_errors_400()
    {
        var tooLarge = new IOException("copy failed", new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(413, ForwarderProblems.Describe(ForwarderError.RequestBodyClient, tooLarge)?.Status);
        Assert.Equal(400, ForwarderProblems.Describe(ForwarderError.RequestBodyClient, new IOException("reset"))?.Status);
    }

    [Theory]
    [InlineData(ForwarderError.None)]
    [InlineData(ForwarderError.RequestCanceled)]
    [InlineData(ForwarderError.ResponseBodyClient)]
    public void Nothing_is_written_when_there_is_no_error_or_nobody_to_tell(ForwarderError error)
    {
        Assert.Null(ForwarderProblems.Describe(error, null));
    }
}
