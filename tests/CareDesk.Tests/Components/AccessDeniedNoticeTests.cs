using Bunit;
using CareDesk.Components.Account;

namespace CareDesk.Tests.Components;

public sealed class AccessDeniedNoticeTests : LocalizedComponentContext
{
    [Theory]
    [InlineData("en", "Your role does not allow this page.")]
    [InlineData("zh-CN", "您的角色无权访问此页面。")]
    public void The_notice_says_the_role_does_not_allow_the_page_in_the_users_language(string culture, string expected)
    {
        UseLanguage(culture);

        var notice = Render<AccessDeniedNotice>().Find("#access-denied");

        Assert.Equal(expected, notice.TextContent.Trim());
    }
}
