using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Iran.Tests;

// Runs the real minimal-API binder (RequestDelegateFactory) without a server, to prove that route and
// query values bind through IParsable and that Persian digits arrive in canonical form.
public class MinimalApiBindingTests
{
    [Theory]
    [InlineData("۰۰۷۶۲۲۹۶۴۵", 200, "0076229645")]
    [InlineData("76229645", 200, "0076229645")]
    [InlineData("0076229646", 400, "")]
    public async Task National_id_binds_from_route(string routeValue, int status, string body)
    {
        var handler = RequestDelegateFactory.Create(([FromRoute] NationalId id) => id.Value).RequestDelegate;
        var context = NewContext();
        context.Request.RouteValues["id"] = routeValue;

        await handler(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(body, ReadBody(context));
    }

    [Theory]
    [InlineData("?mobile=%DB%B0%DB%B9%DB%B1%DB%B2%DB%B1%DB%B2%DB%B3%DB%B4%DB%B5%DB%B6%DB%B7", 200, "+989121234567")] // ۰۹۱۲۱۲۳۴۵۶۷
    [InlineData("?mobile=%2B989121234567", 200, "+989121234567")]
    [InlineData("?mobile=0812", 400, "")]
    public async Task Mobile_binds_from_query(string query, int status, string body)
    {
        var handler = RequestDelegateFactory.Create(([FromQuery] MobileNumber mobile) => mobile.Value).RequestDelegate;
        var context = NewContext();
        context.Request.QueryString = new QueryString(query);

        await handler(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(body, ReadBody(context));
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static string ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
