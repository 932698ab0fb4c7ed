namespace CareDesk.Bench.Imports;

/// <summary>A city a customer lives in, with the area code its landlines are dialled with.</summary>
internal sealed record Place(string Province, string City, string AreaCode, string[] Districts, double Weight)
{
    public bool IsMunicipality => Province == City;
}

/// <summary>
/// Mainland provinces and cities weighted roughly by population, their area codes, and addresses written the ways
/// distributors write them (with or without 省/市, a 小区 and a flat number, sometimes a comma or a line break inside).
/// </summary>
internal static class Places
{
    public static readonly Place[] Mainland =
    [
        new("北京", "北京", "010", ["朝阳区", "海淀区", "丰台区", "西城区", "东城区", "通州区", "昌平区"], 22),
        new("上海", "上海", "021", ["浦东新区", "徐汇区", "闵行区", "静安区", "杨浦区", "宝山区"], 25),
        new("天津", "天津", "022", ["南开区", "河西区", "和平区", "滨海新区"], 14),
        new("重庆", "重庆", "023", ["渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区"], 32),
        new("广东", "广州", "020", ["天河区", "越秀区", "海珠区", "白云区", "番禺区"], 19),
        new("广东", "深圳", "0755", ["南山区", "福田区", "罗湖区", "宝安区", "龙岗区"], 18),
        new("广东", "东莞", "0769", ["南城街道", "东城街道", "长安镇", "虎门镇"], 10),
        new("广东", "佛山", "0757", ["禅城区", "南海区", "顺德区"], 9),
        new("江苏", "南京", "025", ["鼓楼区", "玄武区", "秦淮区", "建邺区", "江宁区"], 9),
        new("江苏", "苏州", "0512", ["姑苏区", "吴中区", "工业园区", "昆山市"], 13),
        new("江苏", "无锡", "0510", ["梁溪区", "滨湖区", "新吴区"], 7),
        new("浙江", "杭州", "0571", ["西湖区", "拱墅区", "上城区", "滨江区", "萧山区"], 12),
        new("浙江", "宁波", "0574", ["海曙区", "江北区", "鄞州区"], 9),
        new("浙江", "温州", "0577", ["鹿城区", "瓯海区", "龙湾区"], 9),
        new("山东", "济南", "0531", ["历下区", "市中区", "槐荫区", "历城区"], 9),
        new("山东", "青岛", "0532", ["市南区", "市北区", "李沧区", "黄岛区"], 10),
        new("山东", "烟台", "0535", ["芝罘区", "莱山区", "福山区"], 7),
        new("河南", "郑州", "0371", ["金水区", "中原区", "二七区", "管城回族区"], 13),
        new("河南", "洛阳", "0379", ["西工区", "涧西区", "老城区"], 7),
        new("河北", "石家庄", "0311", ["长安区", "桥西区", "新华区", "裕华区"], 11),
        new("河北", "保定", "0312", ["竞秀区", "莲池区"], 9),
        new("湖北", "武汉", "027", ["武昌区", "江汉区", "洪山区", "汉阳区", "江岸区"], 13),
        new("湖北", "宜昌", "0717", ["西陵区", "伍家岗区"], 4),
        new("湖南", "长沙", "0731", ["岳麓区", "芙蓉区", "天心区", "开福区", "雨花区"], 10),
        new("湖南", "衡阳", "0734", ["蒸湘区", "石鼓区", "雁峰区"], 6),
        new("四川", "成都", "028", ["武侯区", "锦江区", "青羊区", "金牛区", "成华区"], 21),
        new("四川", "绵阳", "0816", ["涪城区", "游仙区"], 5),
        new("福建", "福州", "0591", ["鼓楼区", "台江区", "仓山区", "晋安区"], 8),
        new("福建", "厦门", "0592", ["思明区", "湖里区", "集美区"], 5),
        new("安徽", "合肥", "0551", ["蜀山区", "庐阳区", "包河区", "瑶海区"], 9),
        new("安徽", "芜湖", "0553", ["镜湖区", "鸠江区"], 4),
        new("陕西", "西安", "029", ["雁塔区", "碑林区", "莲湖区", "新城区", "未央区"], 13),
        new("辽宁", "沈阳", "024", ["和平区", "沈河区", "皇姑区", "铁西区"], 9),
        new("辽宁", "大连", "0411", ["中山区", "西岗区", "沙河口区", "甘井子区"], 7),
        new("吉林", "长春", "0431", ["朝阳区", "南关区", "绿园区"], 9),
        new("黑龙江", "哈尔滨", "0451", ["南岗区", "道里区", "香坊区"], 10),
        new("江西", "南昌", "0791", ["东湖区", "西湖区", "青山湖区", "红谷滩区"], 6),
        new("广西", "南宁", "0771", ["青秀区", "兴宁区", "西乡塘区"], 9),
        new("云南", "昆明", "0871", ["五华区", "盘龙区", "官渡区", "西山区"], 8),
        new("山西", "太原", "0351", ["小店区", "迎泽区", "杏花岭区"], 5),
        new("贵州", "贵阳", "0851", ["南明区", "云岩区", "观山湖区"], 6),
        new("新疆", "乌鲁木齐", "0991", ["天山区", "沙依巴克区", "新市区"], 4),
        new("内蒙古", "呼和浩特", "0471", ["新城区", "回民区", "赛罕区"], 3),
        new("甘肃", "兰州", "0931", ["城关区", "七里河区", "安宁区"], 4),
        new("海南", "海口", "0898", ["龙华区", "美兰区", "秀英区"], 3),
    ];

    private static readonly double MainlandTotal = Mainland.Sum(p => p.Weight);

    // What a province is called in full where 省 is not its suffix.
    private static readonly Dictionary<string, string> FullProvinceNames = new(StringComparer.Ordinal)
    {
        ["北京"] = "北京市",
        ["上海"] = "上海市",
        ["天津"] = "天津市",
        ["重庆"] = "重庆市",
        ["广西"] = "广西壮族自治区",
        ["新疆"] = "新疆维吾尔自治区",
        ["内蒙古"] = "内蒙古自治区",
    };

    private static readonly string[] Roads =
    [
        "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路", "黄河路", "胜利路", "文化路", "青年路", "光明路",
        "朝阳路", "幸福路", "迎宾大道", "世纪大道", "科技园南路", "学府路", "滨江路", "健康路", "东风路", "团结路",
    ];

    private static readonly string[] Estates =
    [
        "阳光花园", "幸福家园", "金色家园", "锦绣华庭", "翠苑小区", "紫金城", "碧桂园", "万科城", "绿地新都会", "华润置地",
        "职工宿舍", "教师新村", "城市花园", "丽景湾", "康乐小区", "御景苑",
    ];

    public static Place Pick(Random random)
    {
        var target = random.NextDouble() * MainlandTotal;
        foreach (var place in Mainland)
        {
            target -= place.Weight;
            if (target < 0)
            {
                return place;
            }
        }

        return Mainland[^1];
    }

    public static string ProvinceAsWritten(Place place, Random random) => random.Next(10) switch
    {
        < 6 => FullProvinceNames.GetValueOrDefault(place.Province) ?? place.Province + "省",
        _ => place.Province,
    };

    public static string CityAsWritten(Place place, Random random) => random.Next(10) < 6 ? place.City + "市" : place.City;

    /// <summary>A home: the street part and the flat part (empty for a house), which a list may write apart.</summary>
    public static (string Street, string Flat) Home(Place place, Random random)
    {
        var district = place.Districts[random.Next(place.Districts.Length)];
        var road = Roads[random.Next(Roads.Length)];
        var street = $"{district}{road}{random.Next(1, 999)}号";
        var flat = random.Next(4) switch
        {
            0 => $"{Estates[random.Next(Estates.Length)]}{random.Next(1, 30)}栋{random.Next(1, 6)}单元{random.Next(1, 33)}0{random.Next(1, 5)}室",
            1 => $"{Estates[random.Next(Estates.Length)]}{random.Next(1, 20)}-{random.Next(1, 6)}-{random.Next(1, 30)}0{random.Next(1, 4)}",
            2 => $"{random.Next(1, 30)}号楼{random.Next(1, 30)}0{random.Next(1, 5)}",
            _ => "",
        };

        return (random.Next(6) == 0 ? place.City + "市" + street : street, flat);
    }

    /// <summary>The home as one list writes it; <paramref name="separator"/> goes between street and flat, as some lists put it (",", a line break).</summary>
    public static string Address((string Street, string Flat) home, string? separator) =>
        home.Flat.Length == 0 ? home.Street : home.Street + (separator ?? "") + home.Flat;
}
