package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// pddOrderSN is a Pinduoduo order number: the day it was placed, a dash, 15 digits.
func pddOrderSN(n int, at time.Time) string {
	return fmt.Sprintf("%s-%015d", at.In(chinaTime).Format("060102"), 183_746_500_000_000+n)
}

// cnPinduoduoOrder is pdd.order.information.get's answer for record r, an order waiting
// to be shipped whose receiver the merchant has decrypted: the plain receiver_name,
// receiver_phone, receiver_address (without the region) and address (with it) beside
// the masks the platform always sends, and the region as the buyer picked it. A record
// that holds only masks (nothing was decrypted) goes in the mask fields alone.
func cnPinduoduoOrder(r cnRecord, sn string, at time.Time) ([]byte, error) {
	local := at.In(chinaTime).Format("2006-01-02 15:04:05")
	order := map[string]any{
		"order_sn":        sn,
		"order_status":    1,
		"confirm_status":  1,
		"refund_status":   1,
		"group_status":    1,
		"trade_type":      0,
		"created_time":    local,
		"confirm_time":    local,
		"pay_time":        local,
		"updated_at":      local,
		"goods_amount":    cnPrice,
		"discount_amount": "0.00",
		"postage":         "0.00",
		"pay_amount":      cnPrice,
		"pay_type":        "WEIXIN",
		"province":        r.Province,
		"city":            r.City,
		"town":            r.Town,
		"country":         "中国",
		"item_list": []map[string]any{{
			"goods_id": 400_000_001, "sku_id": 1_200_000_001, "outer_goods_id": "TEA-OOL", "outer_id": cnSKU,
			"goods_name": "铁观音乌龙茶 250g", "goods_spec": "250g", "goods_count": 1, "goods_price": cnPrice,
		}},
	}
	if isMasked(r.FullName) || isMasked(r.Phone) {
		order["receiver_name_mask"], order["receiver_phone_mask"] = r.FullName, r.Phone
		order["address_mask"], order["receiver_address_mask"] = r.Address, r.ReceiverAddress
	} else {
		order["receiver_name"], order["receiver_phone"] = r.FullName, r.Phone
		order["receiver_address"], order["address"] = r.ReceiverAddress, r.Address
		detail := maskAfter(r.ReceiverAddress, 3)
		order["receiver_name_mask"], order["receiver_phone_mask"] = maskAfter(r.FullName, 1), maskPhone(r.Phone)
		order["receiver_address_mask"], order["address_mask"] = detail, r.Province+r.City+r.Town+detail
	}
	return json.Marshal(map[string]any{"order_info_get_response": map[string]any{
		"order_info": order, "request_id": "17" + strings.ReplaceAll(sn, "-", "")}})
}

func isMasked(s string) bool { return strings.Contains(s, "**") }

// maskAfter keeps the first keep characters and hides the rest, as 李* and 文三路***.
func maskAfter(s string, keep int) string {
	r := []rune(s)
	if len(r) <= keep {
		return s
	}
	return string(r[:keep]) + strings.Repeat("*", min(len(r)-keep, 3))
}

// maskPhone hides a mobile number's middle four digits, as 139****2222.
func maskPhone(s string) string {
	if len(s) < 11 {
		return s
	}
	return s[:3] + "****" + s[7:]
}
