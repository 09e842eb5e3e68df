/**
 * Common product nouns heard in after-sales calls, for when no catalogue is given and for
 * reading catalogue titles ("现摘烟台红富士苹果5斤装" contains 苹果). Data only.
 */
export const ZH_PRODUCTS: readonly string[] = [
  // fresh food
  '苹果', '红富士', '橙子', '脐橙', '橘子', '砂糖橘', '柚子', '芒果', '猕猴桃', '奇异果', '榴莲', '车厘子', '樱桃',
  '草莓', '葡萄', '西瓜', '哈密瓜', '香蕉', '荔枝', '龙眼', '桃子', '水蜜桃', '雪梨', '柠檬', '火龙果', '蓝莓',
  '山竹', '菠萝', '凤梨', '石榴', '牛油果', '红薯', '土豆', '玉米', '大米', '鸡蛋', '牛奶', '酸奶', '奶粉',
  '螃蟹', '大闸蟹', '小龙虾', '海鲜', '牛肉', '猪肉', '鸡肉', '坚果', '核桃', '零食', '茶叶', '蜂蜜', '水果',
  // electronics
  '手机壳', '钢化膜', '蓝牙耳机', '耳机', '充电器', '充电宝', '数据线', '平板', '笔记本电脑', '电脑', '键盘', '鼠标',
  '显示器', '音箱', '智能手表', '手表', '手环', '相机', '电池', '路由器',
  // appliances
  '空调', '冰箱', '洗衣机', '电视', '热水器', '电饭煲', '微波炉', '烤箱', '空气炸锅', '电风扇', '吸尘器',
  '扫地机器人', '吹风机', '电吹风', '净水器', '加湿器', '电热水壶', '热水壶', '豆浆机', '榨汁机', '破壁机',
  '油烟机', '燃气灶', '洗碗机', '电暖器',
  // apparel
  '衣服', '牛仔裤', '裤子', '连衣裙', '裙子', '外套', '羽绒服', '棉服', 'T恤', '衬衫', '卫衣', '毛衣',
  '运动鞋', '鞋子', '靴子', '袜子', '内衣', '帽子', '围巾', '手套', '背包', '书包',
  // household
  '四件套', '被子', '枕头', '床单', '毛巾', '纸巾', '卫生纸', '洗衣液', '洗发水', '沐浴露', '牙膏', '牙刷',
  '面膜', '口红', '护肤品', '炒锅', '保温杯', '水杯', '杯子', '台灯', '收纳箱', '拖把', '垃圾袋', '纸尿裤',
  '尿不湿', '玩具',
];

/** English nouns, singular; plurals are matched too. Ambiguous words (phone, watch, case) are left out. */
export const EN_PRODUCTS: readonly string[] = [
  'apple', 'orange', 'mango', 'cherry', 'strawberry', 'grape', 'durian', 'avocado', 'crab', 'shrimp', 'egg',
  'phone case', 'screen protector', 'earbud', 'headphone', 'earphone', 'charger', 'charging cable',
  'power bank', 'laptop', 'tablet', 'keyboard', 'mouse', 'monitor', 'smartwatch', 'camera', 'smartphone',
  'iphone', 'blender', 'kettle', 'toaster', 'microwave', 'air fryer', 'vacuum', 'heater', 'washing machine',
  'fridge', 'refrigerator', 'tv', 'television', 'air conditioner', 'rice cooker', 'shoe', 'sneaker', 'boot',
  'jacket', 'coat', 'shirt', 't-shirt', 'dress', 'jeans', 'pants', 'sock', 'hoodie', 'sweater', 'backpack',
  'handbag', 'blanket', 'pillow', 'towel', 'mug', 'water bottle', 'lamp', 'toy', 'diaper', 'shampoo', 'lipstick',
];
